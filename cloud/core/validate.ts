/**
 * Turns an untrusted `data` object into a PledgeRequest, or a coded Chinese error.
 * Nothing is coerced: a wrong type, an unknown field or an identity field is an error.
 */
import { ErrorCode, LIMITS, SOURCE_PATTERN } from './protocol'
import type { Action, ErrorCodeValue, PledgeRequest } from './protocol'

export interface ValidationError {
  code: ErrorCodeValue
  message: string
}

export type Validated = { ok: true; request: PledgeRequest } | { ok: false; error: ValidationError }

/** Fields each action accepts besides `action`. */
const FIELDS: Record<Action, readonly string[]> = {
  sign: ['company', 'source'],
  status: [],
  withdraw: [],
  stats: [],
  shareCode: [],
}

/** Identity comes only from the platform (OPENID / the session cookie), never from the body. */
const IDENTITY_FIELD = /^_?(open|union)_?id$/i

/** Control, format (zero-width, bidi overrides) and lone surrogate code points, except whitespace. */
const INVISIBLE = /(?!\s)[\p{Cc}\p{Cf}\p{Cs}]/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Raw input beyond this is rejected before normalising (the body limit already caps it). */
const COMPANY_RAW_MAX = LIMITS.companyMaxChars * 8

function fail (code: ErrorCodeValue, message: string): Validated {
  return { ok: false, error: { code, message } }
}

function isAction (value: string): value is Action {
  return Object.prototype.hasOwnProperty.call(FIELDS, value)
}

/** UTF-8 size of the JSON the client would send; the same 4 KB rule as the HTTP route. */
export function jsonBytes (data: unknown): number {
  return new TextEncoder().encode(JSON.stringify(data)).length
}

export type CompanyResult = { ok: true; company: string } | { ok: false; message: string }

/** NFC, invisible characters removed, whitespace runs collapsed, trimmed; 1–40 code points. */
export function normaliseCompany (raw: string): CompanyResult {
  if (raw.length > COMPANY_RAW_MAX) {
    return { ok: false, message: `企业名称最多 ${LIMITS.companyMaxChars} 个字` }
  }
  const company = raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim()
  const length = Array.from(company).length
  if (length === 0) return { ok: false, message: '企业名称不能为空；不填写企业请不要传 company' }
  if (length > LIMITS.companyMaxChars) {
    return { ok: false, message: `企业名称最多 ${LIMITS.companyMaxChars} 个字，现在是 ${length} 个字` }
  }
  if (!LETTER_OR_DIGIT.test(company)) return { ok: false, message: '企业名称需要包含文字或数字' }
  return { ok: true, company }
}

function describe (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return '数组'
  return { string: '文字', number: '数字', boolean: '布尔值', object: '对象' }[typeof value as string] ?? typeof value
}

export function validateRequest (data: unknown): Validated {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(ErrorCode.BAD_REQUEST, `请求应为对象，收到的是${describe(data)}`)
  }
  if (jsonBytes(data) > LIMITS.bodyBytes) {
    return fail(ErrorCode.TOO_LARGE, `请求内容超过 ${LIMITS.bodyBytes} 字节`)
  }
  const body = data as Record<string, unknown>
  const keys = Object.keys(body)
  const identityKey = keys.find((key) => IDENTITY_FIELD.test(key))
  if (identityKey !== undefined) {
    return fail(ErrorCode.IDENTITY_IN_BODY, `请求中不能包含身份字段 ${identityKey}：身份由微信提供`)
  }

  const action = body.action
  if (action === undefined) return fail(ErrorCode.UNKNOWN_ACTION, '缺少操作类型 action')
  if (typeof action !== 'string') {
    return fail(ErrorCode.UNKNOWN_ACTION, `操作类型 action 应为文字，收到的是${describe(action)}`)
  }
  if (!isAction(action)) {
    return fail(ErrorCode.UNKNOWN_ACTION, `不支持的操作类型：${action.slice(0, 32)}`)
  }
  const unknown = keys.find((key) => key !== 'action' && !FIELDS[action].includes(key))
  if (unknown !== undefined) {
    return fail(ErrorCode.UNKNOWN_FIELD, `操作 ${action} 不接受字段 ${unknown.slice(0, 32)}`)
  }
  if (action !== 'sign') return { ok: true, request: { action } }

  const request: PledgeRequest = { action: 'sign' }
  if ('company' in body) {
    if (typeof body.company !== 'string') {
      return fail(ErrorCode.INVALID_COMPANY, `企业名称应为文字，收到的是${describe(body.company)}`)
    }
    const company = normaliseCompany(body.company)
    if (!company.ok) return fail(ErrorCode.INVALID_COMPANY, company.message)
    request.company = company.company
  }
  if ('source' in body) {
    const source = body.source
    if (typeof source !== 'string') {
      return fail(ErrorCode.INVALID_SOURCE, `来源 source 应为文字，收到的是${describe(source)}`)
    }
    if (source.length > LIMITS.sourceMaxChars) {
      return fail(ErrorCode.INVALID_SOURCE, `来源 source 最多 ${LIMITS.sourceMaxChars} 个字符`)
    }
    if (!SOURCE_PATTERN.test(source)) {
      return fail(ErrorCode.INVALID_SOURCE, '来源 source 格式应为 e:活动编号 或 s:分享者编号（字母、数字、_ 或 -）')
    }
    request.source = source
  }
  return { ok: true, request }
}

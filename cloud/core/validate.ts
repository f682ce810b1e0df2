/**
 * Turns an untrusted `data` object into a PledgeRequest, or a coded Chinese error.
 * Nothing is coerced: a wrong type, an unknown field or an identity field is an error.
 */
import { ErrorCode, EVENT_DATE_PATTERN, EVENT_DATE_RANGE, EVENT_ID_PATTERN, LIMITS, SOURCE_PATTERN } from './protocol'
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
  whoami: [],
  createEvent: ['name', 'date', 'place'],
  getEvent: ['id'],
  eventCode: ['id'],
  organiser: [],
  news: [],
  saveNews: ['id', 'source', 'title', 'date', 'link'],
  removeNews: ['id'],
  hideCompany: ['company', 'hidden'],
}

/** Identity comes only from the platform (OPENID / the session cookie), never from the body. */
const IDENTITY_FIELD = /^_?(open|union)_?id$/i

/** Control, format (zero-width, bidi overrides) and lone surrogate code points, except whitespace. */
const INVISIBLE = /(?!\s)[\p{Cc}\p{Cf}\p{Cs}]/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** A free-text field normalised like a company name. */
interface TextRule {
  label: string
  max: number
  empty: string
}
const COMPANY: TextRule = { label: '单位名称', max: LIMITS.companyMaxChars, empty: '单位名称不能为空；不填写单位请不要传 company' }
const EVENT_NAME: TextRule = { label: '活动名称', max: LIMITS.eventNameMaxChars, empty: '活动名称不能为空' }
const EVENT_PLACE: TextRule = { label: '活动地点', max: LIMITS.eventPlaceMaxChars, empty: '活动地点不能为空' }
const NEWS_SOURCE: TextRule = { label: '媒体名称', max: LIMITS.newsSourceMaxChars, empty: '媒体名称不能为空' }
const NEWS_TITLE: TextRule = { label: '报道标题', max: LIMITS.newsTitleMaxChars, empty: '报道标题不能为空' }

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

type TextResult = { ok: true; text: string } | { ok: false; message: string }
export type CompanyResult = { ok: true; company: string } | { ok: false; message: string }

/** NFC, invisible characters removed, whitespace runs collapsed, trimmed; 1–max code points. */
function normaliseText (raw: string, rule: TextRule): TextResult {
  // Raw input far beyond the limit is refused before normalising (the body limit caps it anyway).
  if (raw.length > rule.max * 8) return { ok: false, message: `${rule.label}最多 ${rule.max} 个字` }
  const text = raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim()
  const length = Array.from(text).length
  if (length === 0) return { ok: false, message: rule.empty }
  if (length > rule.max) return { ok: false, message: `${rule.label}最多 ${rule.max} 个字，现在是 ${length} 个字` }
  if (!LETTER_OR_DIGIT.test(text)) return { ok: false, message: `${rule.label}需要包含文字或数字` }
  return { ok: true, text }
}

export function normaliseCompany (raw: string): CompanyResult {
  const result = normaliseText(raw, COMPANY)
  return result.ok ? { ok: true, company: result.text } : result
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn (year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** `YYYY-MM-DD`, a day that exists, within EVENT_DATE_RANGE; null when valid, else why not. */
export function checkEventDate (date: string): string | null {
  if (!EVENT_DATE_PATTERN.test(date)) return '活动日期应为 YYYY-MM-DD 格式，例如 2024-09-01'
  if (date < EVENT_DATE_RANGE.first || date > EVENT_DATE_RANGE.last) {
    return `活动日期应在 ${EVENT_DATE_RANGE.first} 至 ${EVENT_DATE_RANGE.last} 之间`
  }
  const [year, month, day] = date.split('-').map(Number)
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return `活动日期 ${date} 不存在`
  return null
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
  switch (action) {
    case 'sign':
      return parseSign(body)
    case 'createEvent':
      return parseCreateEvent(body)
    case 'saveNews':
      return parseSaveNews(body)
    case 'removeNews': {
      const id = body.id
      if (typeof id !== 'string' || !EVENT_ID_PATTERN.test(id)) return fail(ErrorCode.INVALID_NEWS, '报道编号 id 应为 8 位小写字母或数字')
      return { ok: true, request: { action, id } }
    }
    case 'hideCompany': {
      if (typeof body.company !== 'string') return fail(ErrorCode.INVALID_COMPANY, `单位名称应为文字，收到的是${describe(body.company)}`)
      const company = normaliseCompany(body.company)
      if (!company.ok) return fail(ErrorCode.INVALID_COMPANY, company.message)
      if (typeof body.hidden !== 'boolean') return fail(ErrorCode.BAD_REQUEST, `hidden 应为 true 或 false，收到的是${describe(body.hidden)}`)
      return { ok: true, request: { action, company: company.company, hidden: body.hidden } }
    }
    case 'getEvent':
    case 'eventCode': {
      const id = body.id
      if (id === undefined) return fail(ErrorCode.INVALID_EVENT, '缺少活动编号 id')
      if (typeof id !== 'string' || !EVENT_ID_PATTERN.test(id)) {
        return fail(ErrorCode.INVALID_EVENT, '活动编号 id 应为 8 位小写字母或数字')
      }
      return { ok: true, request: { action, id } }
    }
    default:
      return { ok: true, request: { action } as PledgeRequest }
  }
}

function parseSign (body: Record<string, unknown>): Validated {
  const request: PledgeRequest = { action: 'sign' }
  if ('company' in body) {
    if (typeof body.company !== 'string') {
      return fail(ErrorCode.INVALID_COMPANY, `单位名称应为文字，收到的是${describe(body.company)}`)
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

function eventText (body: Record<string, unknown>, key: 'name' | 'place', rule: TextRule): TextResult {
  const value = body[key]
  if (value === undefined) return { ok: false, message: `缺少${rule.label} ${key}` }
  if (typeof value !== 'string') return { ok: false, message: `${rule.label} ${key} 应为文字，收到的是${describe(value)}` }
  return normaliseText(value, rule)
}

function parseCreateEvent (body: Record<string, unknown>): Validated {
  const name = eventText(body, 'name', EVENT_NAME)
  if (!name.ok) return fail(ErrorCode.INVALID_EVENT, name.message)
  const place = eventText(body, 'place', EVENT_PLACE)
  if (!place.ok) return fail(ErrorCode.INVALID_EVENT, place.message)
  const date = body.date
  if (date === undefined) return fail(ErrorCode.INVALID_EVENT, '缺少活动日期 date')
  if (typeof date !== 'string') return fail(ErrorCode.INVALID_EVENT, `活动日期 date 应为文字，收到的是${describe(date)}`)
  const problem = checkEventDate(date)
  if (problem !== null) return fail(ErrorCode.INVALID_EVENT, problem)
  return { ok: true, request: { action: 'createEvent', name: name.text, date, place: place.text } }
}

/** An https link a person can open or copy; nothing else is stored. */
function checkLink (link: string): string | null {
  if (link.length > LIMITS.newsLinkMaxChars) return `报道链接最多 ${LIMITS.newsLinkMaxChars} 个字符`
  if (/\s/.test(link)) return '报道链接不能包含空格或换行'
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return '报道链接应为完整网址，以 https:// 开头'
  }
  return url.protocol === 'https:' && url.hostname.length > 0 ? null : '报道链接应为完整网址，以 https:// 开头'
}

function parseSaveNews (body: Record<string, unknown>): Validated {
  const texts: Record<'source' | 'title', string> = { source: '', title: '' }
  for (const [key, rule] of [['source', NEWS_SOURCE], ['title', NEWS_TITLE]] as const) {
    const value = body[key]
    if (typeof value !== 'string') return fail(ErrorCode.INVALID_NEWS, `${rule.label} ${key} 应为文字，收到的是${describe(value)}`)
    const text = normaliseText(value, rule)
    if (!text.ok) return fail(ErrorCode.INVALID_NEWS, text.message)
    texts[key] = text.text
  }
  const { date, id, link } = body
  if (typeof date !== 'string') return fail(ErrorCode.INVALID_NEWS, `报道日期 date 应为文字，收到的是${describe(date)}`)
  const problem = checkEventDate(date)
  if (problem !== null) return fail(ErrorCode.INVALID_NEWS, problem.replace('活动日期', '报道日期'))
  const request: PledgeRequest = { action: 'saveNews', source: texts.source, title: texts.title, date }
  if (id !== undefined) {
    if (typeof id !== 'string' || !EVENT_ID_PATTERN.test(id)) return fail(ErrorCode.INVALID_NEWS, '报道编号 id 应为 8 位小写字母或数字')
    request.id = id
  }
  if (link !== undefined) {
    if (typeof link !== 'string') return fail(ErrorCode.INVALID_NEWS, `报道链接 link 应为文字，收到的是${describe(link)}`)
    const bad = checkLink(link.trim())
    if (bad !== null) return fail(ErrorCode.INVALID_NEWS, bad)
    request.link = link.trim()
  }
  return { ok: true, request }
}

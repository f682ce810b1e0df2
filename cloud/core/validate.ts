/**
 * Turns an untrusted `data` object into a PledgeRequest, or a coded Chinese error.
 * Nothing is coerced: a wrong type, an unknown field or an identity field is an error.
 */
import { ErrorCode, EVENT_DATE_PATTERN, EVENT_DATE_RANGE, EVENT_ID_PATTERN, LIMITS, SOURCE_PATTERN } from './protocol'
import type { Action, ErrorCodeValue, PledgeRequest } from './protocol'
import { FUNCTION_WORDS } from '../../src/words/function'

const { labels: LABELS, request: REQUEST, types: TYPES, validation: WORDS } = FUNCTION_WORDS

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
const COMPANY: TextRule = { label: LABELS.company, max: LIMITS.companyMaxChars, empty: WORDS.companyEmpty(LABELS.company) }
const EVENT_NAME: TextRule = { label: LABELS.eventName, max: LIMITS.eventNameMaxChars, empty: WORDS.empty(LABELS.eventName) }
const EVENT_PLACE: TextRule = { label: LABELS.eventPlace, max: LIMITS.eventPlaceMaxChars, empty: WORDS.empty(LABELS.eventPlace) }
const NEWS_SOURCE: TextRule = { label: LABELS.newsSource, max: LIMITS.newsSourceMaxChars, empty: WORDS.empty(LABELS.newsSource) }
const NEWS_TITLE: TextRule = { label: LABELS.newsTitle, max: LIMITS.newsTitleMaxChars, empty: WORDS.empty(LABELS.newsTitle) }

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
  if (raw.length > rule.max * 8) return { ok: false, message: WORDS.farTooLong(rule.label, rule.max) }
  const text = raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim()
  const length = Array.from(text).length
  if (length === 0) return { ok: false, message: rule.empty }
  if (length > rule.max) return { ok: false, message: WORDS.tooLong(rule.label, rule.max, length) }
  if (!LETTER_OR_DIGIT.test(text)) return { ok: false, message: WORDS.needsLetterOrDigit(rule.label) }
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

/**
 * `YYYY-MM-DD`, a day that exists, within EVENT_DATE_RANGE; null when valid, else why not,
 * naming the field `label` (an event's date unless told).
 */
export function checkEventDate (date: string, label: string = LABELS.eventDate): string | null {
  if (!EVENT_DATE_PATTERN.test(date)) return WORDS.dateFormat(label)
  if (date < EVENT_DATE_RANGE.first || date > EVENT_DATE_RANGE.last) {
    return WORDS.dateRange(label, EVENT_DATE_RANGE.first, EVENT_DATE_RANGE.last)
  }
  const [year, month, day] = date.split('-').map(Number)
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return WORDS.dateMissing(label, date)
  return null
}

function describe (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return TYPES.array
  return (TYPES as Record<string, string>)[typeof value] ?? typeof value
}

export function validateRequest (data: unknown): Validated {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(ErrorCode.BAD_REQUEST, REQUEST.notObject(describe(data)))
  }
  if (jsonBytes(data) > LIMITS.bodyBytes) {
    return fail(ErrorCode.TOO_LARGE, REQUEST.tooLarge(LIMITS.bodyBytes))
  }
  const body = data as Record<string, unknown>
  const keys = Object.keys(body)
  const identityKey = keys.find((key) => IDENTITY_FIELD.test(key))
  if (identityKey !== undefined) {
    return fail(ErrorCode.IDENTITY_IN_BODY, REQUEST.identityInBody(identityKey))
  }

  const action = body.action
  if (action === undefined) return fail(ErrorCode.UNKNOWN_ACTION, WORDS.missing(LABELS.action, 'action'))
  if (typeof action !== 'string') {
    return fail(ErrorCode.UNKNOWN_ACTION, WORDS.notText(LABELS.action, 'action', describe(action)))
  }
  if (!isAction(action)) {
    return fail(ErrorCode.UNKNOWN_ACTION, REQUEST.unknownAction(action.slice(0, 32)))
  }
  const unknown = keys.find((key) => key !== 'action' && !FIELDS[action].includes(key))
  if (unknown !== undefined) {
    return fail(ErrorCode.UNKNOWN_FIELD, REQUEST.unknownField(action, unknown.slice(0, 32)))
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
      if (typeof id !== 'string' || !EVENT_ID_PATTERN.test(id)) return fail(ErrorCode.INVALID_NEWS, WORDS.idFormat(LABELS.newsId, 'id'))
      return { ok: true, request: { action, id } }
    }
    case 'hideCompany': {
      if (typeof body.company !== 'string') return fail(ErrorCode.INVALID_COMPANY, WORDS.companyNotText(LABELS.company, describe(body.company)))
      const company = normaliseCompany(body.company)
      if (!company.ok) return fail(ErrorCode.INVALID_COMPANY, company.message)
      if (typeof body.hidden !== 'boolean') return fail(ErrorCode.BAD_REQUEST, WORDS.hiddenNotBoolean(describe(body.hidden)))
      return { ok: true, request: { action, company: company.company, hidden: body.hidden } }
    }
    case 'getEvent':
    case 'eventCode': {
      const id = body.id
      if (id === undefined) return fail(ErrorCode.INVALID_EVENT, WORDS.missing(LABELS.eventId, 'id'))
      if (typeof id !== 'string' || !EVENT_ID_PATTERN.test(id)) {
        return fail(ErrorCode.INVALID_EVENT, WORDS.idFormat(LABELS.eventId, 'id'))
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
      return fail(ErrorCode.INVALID_COMPANY, WORDS.companyNotText(LABELS.company, describe(body.company)))
    }
    const company = normaliseCompany(body.company)
    if (!company.ok) return fail(ErrorCode.INVALID_COMPANY, company.message)
    request.company = company.company
  }
  if ('source' in body) {
    const source = body.source
    if (typeof source !== 'string') {
      return fail(ErrorCode.INVALID_SOURCE, WORDS.notText(LABELS.source, 'source', describe(source)))
    }
    if (source.length > LIMITS.sourceMaxChars) {
      return fail(ErrorCode.INVALID_SOURCE, WORDS.sourceTooLong(LABELS.source, 'source', LIMITS.sourceMaxChars))
    }
    if (!SOURCE_PATTERN.test(source)) {
      return fail(ErrorCode.INVALID_SOURCE, WORDS.sourceFormat(LABELS.source, 'source'))
    }
    request.source = source
  }
  return { ok: true, request }
}

function eventText (body: Record<string, unknown>, key: 'name' | 'place', rule: TextRule): TextResult {
  const value = body[key]
  if (value === undefined) return { ok: false, message: WORDS.missing(rule.label, key) }
  if (typeof value !== 'string') return { ok: false, message: WORDS.notText(rule.label, key, describe(value)) }
  return normaliseText(value, rule)
}

function parseCreateEvent (body: Record<string, unknown>): Validated {
  const name = eventText(body, 'name', EVENT_NAME)
  if (!name.ok) return fail(ErrorCode.INVALID_EVENT, name.message)
  const place = eventText(body, 'place', EVENT_PLACE)
  if (!place.ok) return fail(ErrorCode.INVALID_EVENT, place.message)
  const date = body.date
  if (date === undefined) return fail(ErrorCode.INVALID_EVENT, WORDS.missing(LABELS.eventDate, 'date'))
  if (typeof date !== 'string') return fail(ErrorCode.INVALID_EVENT, WORDS.notText(LABELS.eventDate, 'date', describe(date)))
  const problem = checkEventDate(date)
  if (problem !== null) return fail(ErrorCode.INVALID_EVENT, problem)
  return { ok: true, request: { action: 'createEvent', name: name.text, date, place: place.text } }
}

/** An https link a person can open or copy; nothing else is stored. */
function checkLink (link: string): string | null {
  if (link.length > LIMITS.newsLinkMaxChars) return WORDS.linkTooLong(LABELS.newsLink, LIMITS.newsLinkMaxChars)
  if (/\s/.test(link)) return WORDS.linkSpaces(LABELS.newsLink)
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return WORDS.linkNotHttps(LABELS.newsLink)
  }
  return url.protocol === 'https:' && url.hostname.length > 0 ? null : WORDS.linkNotHttps(LABELS.newsLink)
}

function parseSaveNews (body: Record<string, unknown>): Validated {
  const texts: Record<'source' | 'title', string> = { source: '', title: '' }
  for (const [key, rule] of [['source', NEWS_SOURCE], ['title', NEWS_TITLE]] as const) {
    const value = body[key]
    if (typeof value !== 'string') return fail(ErrorCode.INVALID_NEWS, WORDS.notText(rule.label, key, describe(value)))
    const text = normaliseText(value, rule)
    if (!text.ok) return fail(ErrorCode.INVALID_NEWS, text.message)
    texts[key] = text.text
  }
  const { date, id, link } = body
  if (typeof date !== 'string') return fail(ErrorCode.INVALID_NEWS, WORDS.notText(LABELS.newsDate, 'date', describe(date)))
  const problem = checkEventDate(date, LABELS.newsDate)
  if (problem !== null) return fail(ErrorCode.INVALID_NEWS, problem)
  const request: PledgeRequest = { action: 'saveNews', source: texts.source, title: texts.title, date }
  if (id !== undefined) {
    if (typeof id !== 'string' || !EVENT_ID_PATTERN.test(id)) return fail(ErrorCode.INVALID_NEWS, WORDS.idFormat(LABELS.newsId, 'id'))
    request.id = id
  }
  if (link !== undefined) {
    if (typeof link !== 'string') return fail(ErrorCode.INVALID_NEWS, WORDS.notText(LABELS.newsLink, 'link', describe(link)))
    const bad = checkLink(link.trim())
    if (bad !== null) return fail(ErrorCode.INVALID_NEWS, bad)
    request.link = link.trim()
  }
  return { ok: true, request }
}

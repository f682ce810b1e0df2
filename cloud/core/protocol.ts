/**
 * The pledge function's wire contract, shared by the cloud function, the local runner and the
 * mini-program client. Pure data and types: no SDK, no Node or browser API.
 */

/** Stable error codes. 0 is success; the rest never change meaning once shipped. */
export const ErrorCode = {
  OK: 0,
  BAD_REQUEST: 40000,
  UNKNOWN_ACTION: 40001,
  UNKNOWN_FIELD: 40002,
  INVALID_COMPANY: 40003,
  INVALID_SOURCE: 40004,
  IDENTITY_IN_BODY: 40005,
  INVALID_JSON: 40006,
  INVALID_EVENT: 40007,
  INVALID_NEWS: 40008,
  NO_IDENTITY: 40100,
  /** Organiser actions from an identity not on the function's admin list. */
  FORBIDDEN: 40300,
  /** Local runner only: POST /api/<name> for a function it does not serve. */
  UNKNOWN_FUNCTION: 40400,
  /** `eventCode` for an event id that does not exist. */
  EVENT_NOT_FOUND: 40401,
  /** `removeNews` for a report id that does not exist. */
  NEWS_NOT_FOUND: 40402,
  TOO_LARGE: 41300,
  RATE_LIMITED: 42900,
  INTERNAL: 50000,
  /**
   * The pledge could not be stored in time (the database kept refusing under contention).
   * Nothing changed; the client sends the same call once more by itself.
   */
  BUSY: 50300,
} as const
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode]

/** Explicit limits; each one has a test. */
export const LIMITS = {
  /** Request body (the `data` object as JSON), bytes. */
  bodyBytes: 4096,
  /** Company name after normalisation, in characters (code points). */
  companyMaxChars: 40,
  /** Attribution source: fits a WeChat mini-program code scene (≤ 32 visible characters). */
  sourceMaxChars: 32,
  /** Companies listed by `stats`. */
  topCompanies: 10,
  /** Sources listed by `stats` (`s:<sharer>` sources can be as many as the pledges). */
  topSources: 20,
  /** Event name, after the same normalisation as a company name, in characters. */
  eventNameMaxChars: 40,
  /** Event place, same normalisation, in characters. */
  eventPlaceMaxChars: 60,
  /** Events listed in the organiser view, newest first. */
  organiserEvents: 100,
  /** Companies listed in the organiser view. */
  organiserCompanies: 100,
  /** Calls one identity may make per minute (CloudBase; the local runner limits writes and new identities per IP). */
  callsPerMinute: 30,
  /** Withdrawals one identity may make per day (CloudBase): this bounds sign/withdraw cycles. */
  withdrawalsPerDay: 5,
  /** Reports organisers may keep (shown above the document's own, newest first). */
  newsReports: 50,
  /** A report's source (媒体名称), title and link, in characters. */
  newsSourceMaxChars: 20,
  newsTitleMaxChars: 80,
  newsLinkMaxChars: 300,
  /** Names an organiser may hide from the public 单位榜. */
  hiddenCompanies: 200,
  /** Oldest the public count may be when a client shows it, ms. */
  publicStatsMaxAgeMs: 30_000,
} as const

/**
 * The public counts (total, top companies, top sources) clients read without calling the
 * function: on CloudBase the document `public/stats` (readable by all, written only by the
 * function's timer), locally GET /api/public/stats.
 */
export const PUBLIC_STATS = { collection: 'public', doc: 'stats' } as const
/**
 * How often the document is rewritten (cloud: the timer trigger; local: the server's cache) and
 * how often an open page reads it. A count shown is at most written + read + the timer's own run
 * old, which must stay within LIMITS.publicStatsMaxAgeMs (tested).
 */
export const PUBLIC_STATS_TIMING = { writtenEveryMs: 10_000, readEveryMs: 15_000 } as const
export interface PublicStats extends StatsResult {
  /** ISO 8601: when these counts were taken. */
  updatedAt: string
}

/** Event ids: 8 lowercase letters/digits, so `e:<id>` fits a scene with room to spare. */
export const EVENT_ID_PATTERN = /^[0-9a-z]{8}$/
/** An event's date, `YYYY-MM-DD`. */
export const EVENT_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
/** Dates an event may have, inclusive (a date picker's start and end). */
export const EVENT_DATE_RANGE = { first: '2024-01-01', last: '2099-12-31' } as const

/** `e:<event id>` (event QR code) or `s:<sharer id>` (shared link). */
export const SOURCE_PATTERN = /^[es]:[0-9A-Za-z_-]{1,30}$/

/** Page a share code opens (mini-program code `page`, H5 hash route); the scene rides along. */
export const CODE_PAGE = 'pages/pledge/index'

export type Action = 'sign' | 'status' | 'withdraw' | 'stats' | 'shareCode' |
  'whoami' | 'createEvent' | 'getEvent' | 'eventCode' | 'organiser' |
  'news' | 'saveNews' | 'removeNews' | 'hideCompany'

export interface SignRequest { action: 'sign'; company?: string; source?: string }
export interface StatusRequest { action: 'status' }
export interface WithdrawRequest { action: 'withdraw' }
export interface StatsRequest { action: 'stats' }
export interface ShareCodeRequest { action: 'shareCode' }
export interface WhoAmIRequest { action: 'whoami' }
/** Organisers only. name and place normalised like a company name; date a real calendar day. */
export interface CreateEventRequest { action: 'createEvent'; name: string; date: string; place: string }
/** Anyone: what the pledge page shows for an `e:<id>` scene. */
export interface GetEventRequest { action: 'getEvent'; id: string }
/** Organisers only: the event's mini-program code (deployed) for printing. */
export interface EventCodeRequest { action: 'eventCode'; id: string }
/** Organisers only: live counts per event and per company. */
export interface OrganiserRequest { action: 'organiser' }
/** Anyone: the reports organisers added, newest first. */
export interface NewsRequest { action: 'news' }
/** Organisers only: adds a report (no id) or replaces one. Text normalised like a company name. */
export interface SaveNewsRequest { action: 'saveNews'; id?: string; source: string; title: string; date: string; link?: string }
/** Organisers only. */
export interface RemoveNewsRequest { action: 'removeNews'; id: string }
/** Organisers only: hides a unit name from the public 单位榜 (its pledges still count) or shows it again. */
export interface HideCompanyRequest { action: 'hideCompany'; company: string; hidden: boolean }
export type PledgeRequest = SignRequest | StatusRequest | WithdrawRequest | StatsRequest | ShareCodeRequest |
  WhoAmIRequest | CreateEventRequest | GetEventRequest | EventCodeRequest | OrganiserRequest |
  NewsRequest | SaveNewsRequest | RemoveNewsRequest | HideCompanyRequest

/** Why a company name was not stored with the pledge (content security check). */
export type CompanyRejection = 'review' | 'risky' | 'unavailable'

export interface MyPledge {
  /**
   * 承诺编号: unique and never reused, even after a withdrawal. Not a rank: CloudBase hands
   * numbers out from shards, so they have gaps and follow time only roughly.
   */
  number: number
  company: string | null
  /** Pledges that named the same company, this one included; 0 without a company. */
  companyCount: number
  /** ISO 8601 timestamp. */
  pledgedAt: string
}

export interface SignResult {
  pledge: MyPledge
  /** true when this identity had already pledged: nothing changed. */
  alreadyPledged: boolean
  /** Set when a company was given but not stored. */
  companyRejected: CompanyRejection | null
  total: number
}

export interface StatusResult { pledge: MyPledge | null; total: number }
export interface WithdrawResult { withdrawn: boolean; total: number }
export interface StatsResult {
  total: number
  topCompanies: Array<{ company: string; count: number }>
  sources: Array<{ source: string; count: number }>
}

export interface ShareCodeResult {
  /** `s:<sharer id>`, the caller's attribution: derived from the identity, never the OPENID itself. */
  scene: string
  /**
   * Cloud storage file ID of the mini-program code opening CODE_PAGE with `scene` (deployed
   * function); null where the client draws a QR code of its own URL instead (local runner).
   */
  codeFileId: string | null
}

export interface EventInfo {
  id: string
  name: string
  /** YYYY-MM-DD. */
  date: string
  place: string
  /** `e:<id>`: the scene of its code and the source its pledges carry. */
  scene: string
}

export interface WhoAmIResult {
  /** On the function's admin list: may create events and open the organiser view. */
  admin: boolean
  /** My `s:<sharer id>` (as shareCode gives it, without making a code): shares carry it. */
  scene: string
}
export interface CreateEventResult { event: EventInfo }
/** null for an unknown id: the client ignores the scene, no error shown. */
export interface GetEventResult {
  /**
   * `count`: the pledges its code brought (as of the last recount), shown on the pledge page.
   * Optional while functions deployed before it answer without it; the client then shows no count.
   */
  event: (EventInfo & { count?: number }) | null
}
export interface EventCodeResult {
  event: EventInfo
  /** As in ShareCodeResult: null where the client draws a QR code of its own URL. */
  codeFileId: string | null
}
export interface OrganiserResult {
  total: number
  /** Newest first, at most LIMITS.organiserEvents, each with its current pledges. */
  events: Array<EventInfo & { count: number }>
  /** Most-named first, at most LIMITS.organiserCompanies. */
  companies: Array<{ company: string; count: number }>
  /** Pledges that arrived through some person's shared link or poster (all `s:` sources together). */
  viaShares: number
  /** ISO 8601, when the counts were read. */
  generatedAt: string
  /** Names hidden from the public 单位榜 (they still count), newest first. */
  hidden: HiddenCompany[]
}

export interface HiddenCompany {
  company: string
  /** Identity of the organiser who hid it. */
  hiddenBy: string
  /** ISO 8601. */
  hiddenAt: string
}

/** A report an organiser added. A report without a link is a list entry, nothing to open. */
export interface NewsReport {
  /** EVENT_ID_PATTERN-shaped. */
  id: string
  /** 媒体名称, e.g. 人民网. */
  source: string
  title: string
  /** YYYY-MM-DD. */
  date: string
  /** https only; null when the organiser gave none. */
  link: string | null
}
export interface NewsResult { reports: NewsReport[] }
export interface SaveNewsResult { report: NewsReport }
export interface RemoveNewsResult { removed: true }
export interface HideCompanyResult { company: string; hidden: boolean }

export interface ResultMap {
  sign: SignResult
  status: StatusResult
  withdraw: WithdrawResult
  stats: StatsResult
  shareCode: ShareCodeResult
  whoami: WhoAmIResult
  createEvent: CreateEventResult
  getEvent: GetEventResult
  eventCode: EventCodeResult
  organiser: OrganiserResult
  news: NewsResult
  saveNews: SaveNewsResult
  removeNews: RemoveNewsResult
  hideCompany: HideCompanyResult
}

/** Every reply has this shape; `data` is null unless code is 0. */
export interface FunctionResult<T> {
  code: ErrorCodeValue
  message: string
  data: T | null
}

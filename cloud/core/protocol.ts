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
  NO_IDENTITY: 40100,
  /** Local runner only: POST /api/<name> for a function it does not serve. */
  UNKNOWN_FUNCTION: 40400,
  TOO_LARGE: 41300,
  RATE_LIMITED: 42900,
  INTERNAL: 50000,
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
} as const

/** `e:<event id>` (event QR code) or `s:<sharer id>` (shared link). */
export const SOURCE_PATTERN = /^[es]:[0-9A-Za-z_-]{1,30}$/

/** Page a share code opens (mini-program code `page`, H5 hash route); the scene rides along. */
export const CODE_PAGE = 'pages/pledge/index'

export type Action = 'sign' | 'status' | 'withdraw' | 'stats' | 'shareCode'

export interface SignRequest { action: 'sign'; company?: string; source?: string }
export interface StatusRequest { action: 'status' }
export interface WithdrawRequest { action: 'withdraw' }
export interface StatsRequest { action: 'stats' }
export interface ShareCodeRequest { action: 'shareCode' }
export type PledgeRequest = SignRequest | StatusRequest | WithdrawRequest | StatsRequest | ShareCodeRequest

/** Why a company name was not stored with the pledge (content security check). */
export type CompanyRejection = 'review' | 'risky' | 'unavailable'

export interface MyPledge {
  /** "你是第 N 位承诺者": assigned once, never reused, even after a withdrawal. */
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

export interface ResultMap {
  sign: SignResult
  status: StatusResult
  withdraw: WithdrawResult
  stats: StatsResult
  shareCode: ShareCodeResult
}

/** Every reply has this shape; `data` is null unless code is 0. */
export interface FunctionResult<T> {
  code: ErrorCodeValue
  message: string
  data: T | null
}

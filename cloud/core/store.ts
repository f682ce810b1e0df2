/**
 * Where pledges and events live. Three adapters implement this (memory, SQLite, CloudBase) and
 * all pass cloud/test/store-contract.ts. Every method is atomic on its own: a pledge row and
 * the counts it changes change together or not at all.
 *
 * Nothing here scans pledges on a request path: counts are kept by the write (total, per
 * company, per source) and lists read the top of a maintained, indexed count. Only `audit`
 * counts rows, for tests and maintenance.
 */
import type { HiddenCompany, NewsReport, StatsResult, WithdrawResult } from './protocol'

export interface PledgeRecord {
  identity: string
  /**
   * Unique, never reused after a withdrawal. Memory and SQLite hand out 1, 2, 3…; CloudBase
   * hands them out from shards (gaps, roughly in time order), so it is a 承诺编号, not a rank.
   */
  number: number
  company: string | null
  source: string | null
  /** ISO 8601. */
  pledgedAt: string
}

export interface NewPledge {
  identity: string
  company: string | null
  source: string | null
  pledgedAt: string
}

export interface SignOutcome {
  pledge: PledgeRecord
  /** false when the identity had already pledged: the stored pledge is returned unchanged. */
  created: boolean
  total: number
  /**
   * Current pledges naming the pledge's company, when the store learnt it in the same write
   * (saves a read); absent otherwise. 0 without a company.
   */
  companyCount?: number
}

/** A store's answers are the function's results for withdraw and stats. */
export type WithdrawOutcome = WithdrawResult

export type StoreStats = StatsResult

export interface EventRecord {
  /** EVENT_ID_PATTERN. */
  id: string
  name: string
  /** YYYY-MM-DD. */
  date: string
  place: string
  /** Identity of the organiser who created it. */
  createdBy: string
  /** ISO 8601. */
  createdAt: string
}

export interface NewsRecord extends NewsReport {
  /** Who saved it last, and when (ISO 8601). */
  updatedBy: string
  updatedAt: string
}

/** Orders news the way every adapter's `listNews` returns it. */
export function newsOrder (a: NewsRecord, b: NewsRecord): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Orders hidden names the way every adapter's `listHidden` returns them. */
export function hiddenOrder (a: HiddenCompany, b: HiddenCompany): number {
  if (a.hiddenAt !== b.hiddenAt) return a.hiddenAt < b.hiddenAt ? 1 : -1
  return a.company < b.company ? -1 : a.company > b.company ? 1 : 0
}

/** What `audit` compares: stored pledge rows against the maintained counts. */
export interface StoreAudit {
  rows: number
  /** The maintained total. */
  counter: number
  /** Rows per company and per source, counted, where the maintained count differs (empty when all agree). */
  drift: string[]
}

export interface PledgeStore {
  /** Inserts the pledge unless this identity already has one (then nothing changes). */
  sign (pledge: NewPledge): Promise<SignOutcome>
  get (identity: string): Promise<PledgeRecord | null>
  /** Deletes the pledge for real; its number is not handed out again. */
  withdraw (identity: string): Promise<WithdrawOutcome>
  total (): Promise<number>
  /** Current pledges naming exactly this (normalised) company; exact at once. */
  companyCount (company: string): Promise<number>
  /**
   * Most-named companies and sources, most first, ties by name; a limit of 0 skips that list.
   * The lists are as of the last `recount` (the total is exact).
   */
  stats (limits: { companies: number; sources: number }): Promise<StoreStats>
  /** Current pledges per exact source, every given source a key (0 for none); as of the last `recount`. */
  countsBySource (sources: readonly string[]): Promise<Record<string, number>>
  /** Current pledges that came through someone's shared link or poster (an `s:` source); exact at once. */
  viaShares (): Promise<number>
  /**
   * Brings the ranked counts up to date where a recount keeps them (CloudBase: the function's
   * timer trigger); a no-op where every write keeps them (memory, SQLite).
   */
  recount (): Promise<void>
  /** Stores the event; false (nothing changed) when its id is taken. */
  createEvent (event: EventRecord): Promise<boolean>
  getEvent (id: string): Promise<EventRecord | null>
  /** Newest `createdAt` first, ties by id. */
  listEvents (limit: number): Promise<EventRecord[]>
  /** Stores the report, replacing one with the same id. */
  putNews (report: NewsRecord): Promise<void>
  /** false when there was no such report. */
  removeNews (id: string): Promise<boolean>
  /** Newest `date` first, ties by newest `updatedAt`, then id. */
  listNews (limit: number): Promise<NewsRecord[]>
  /** Hides the name from the public board (null: shows it again). Its pledges still count. */
  setHidden (company: string, mark: { hiddenBy: string; hiddenAt: string } | null): Promise<void>
  /** Newest `hiddenAt` first, ties by name. */
  listHidden (limit: number): Promise<HiddenCompany[]>
  audit (): Promise<StoreAudit>
  close (): Promise<void>
}

/** Shared tie-break so every adapter orders `stats` the same way. */
export function byCountThenName<T> (name: (item: T) => string, count: (item: T) => number) {
  return (a: T, b: T): number => count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0)
}

/**
 * Thrown by a store when a write could not be stored after its bounded retries (the database
 * kept reporting conflicts). Nothing was changed; `handle` answers ErrorCode.BUSY.
 */
export class StoreBusyError extends Error {
  /** The database's last refusal, for the log. */
  readonly last: unknown

  constructor (what: string, last?: unknown) {
    super(`pledge store busy: ${what}`)
    this.name = 'StoreBusyError'
    this.last = last
  }
}

/**
 * Where pledges and events live. Three adapters implement this (memory, SQLite, CloudBase) and
 * all pass cloud/test/store-contract.ts. Every method is atomic on its own: a pledge row and
 * the counters change together or not at all.
 */
import type { StatsResult, WithdrawResult } from './protocol'

export interface PledgeRecord {
  identity: string
  /** Assigned once from a sequence that never goes back, so never reused after a withdrawal. */
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

/** What `audit` compares: stored pledge rows against the running counter. */
export interface StoreAudit {
  rows: number
  counter: number
}

export interface PledgeStore {
  /** Inserts the pledge unless this identity already has one (then nothing changes). */
  sign (pledge: NewPledge): Promise<SignOutcome>
  get (identity: string): Promise<PledgeRecord | null>
  /** Deletes the pledge for real; its number is not handed out again. */
  withdraw (identity: string): Promise<WithdrawOutcome>
  total (): Promise<number>
  /** Current pledges naming exactly this (normalised) company. */
  companyCount (company: string): Promise<number>
  /** Most-named companies and sources, most first, ties by name; a limit of 0 skips that list. */
  stats (limits: { companies: number; sources: number }): Promise<StoreStats>
  /** Current pledges per exact source, every given source a key (0 for none). */
  countsBySource (sources: readonly string[]): Promise<Record<string, number>>
  /** Current pledges that came through someone's shared link or poster (an `s:` source). */
  viaShares (): Promise<number>
  /** Stores the event; false (nothing changed) when its id is taken. */
  createEvent (event: EventRecord): Promise<boolean>
  getEvent (id: string): Promise<EventRecord | null>
  /** Newest `createdAt` first, ties by id. */
  listEvents (limit: number): Promise<EventRecord[]>
  audit (): Promise<StoreAudit>
  close (): Promise<void>
}

/** Shared tie-break so every adapter orders `stats` the same way. */
export function byCountThenName<T> (name: (item: T) => string, count: (item: T) => number) {
  return (a: T, b: T): number => count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0)
}

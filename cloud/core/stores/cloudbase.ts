/**
 * CloudBase (微信云开发) store. It receives the database object, so only the deployed entry
 * (cloud/functions/pledge/src/index.ts) ever loads wx-server-sdk; tests drive it with a fake
 * modelled on the SDK's source (cloud/test/fake-cloud-db.ts). The database must be created with
 * `throwOnNotFound: false` so a missing doc reads as empty.
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.runTransaction.html
 *
 * No document is written by every sign. A sign picks one of SEQ_SHARDS shards at random and, in
 * one transaction, touches only that shard's documents:
 *   counters  `seq-<k>`  { kind: 'seq', shard, issued, count }   numbers handed out, pledges held
 *   tallies   `<kind>-<hash>-<k>` { kind, key, shard, count, updatedAt }   per company / source / 'via'
 *   pledges   _id = OPENID { number, shard, company, source, pledgedAt }
 * Shard k hands out k + 1, k + 1 + S, k + 1 + 2S…: numbers are unique and never reused, but
 * have gaps and follow time only roughly (a 承诺编号, not a rank). Two signs conflict only when
 * they draw the same shard, and a tally can only conflict where `seq-<k>` already would.
 *
 * Reads never scan pledges: the total is the sum of the shards' `count` (one query of at most
 * S documents), a company's count the sum of its tallies (at most S). Ranked lists come from
 * `totals` { kind, key, count }, which only `recount` writes (the function's timer trigger, every
 * 20 s): it re-sums the tallies changed since its last run, so `stats` reads the top k of an
 * index. Indexes to create: tallies (kind, key), tallies (updatedAt), totals (kind, count desc, key).
 *
 * Conflicts: runTransaction re-runs a callback only for a conflict at commit, which it
 * recognises by `code`; a conflict met by an operation inside the callback arrives as an SDK
 * error with a numeric errCode and no `code`, and is not re-run (see the fake's header). So
 * every failed transaction is retried here, each round on a freshly drawn shard after a
 * jittered, growing pause, RETRY_ROUNDS times at most; after that the caller gets
 * StoreBusyError. Both transactions re-read before writing, so a retry after an unclear failure
 * cannot pledge or withdraw twice.
 */
import type { HiddenCompany } from '../protocol'
import { hiddenOrder, newsOrder, StoreBusyError } from '../store'
import type { EventRecord, NewsRecord, PledgeRecord, PledgeStore, StoreStats } from '../store'

// The slice of wx-server-sdk's database API this adapter uses.
export interface CloudDocGet<T> { data: T | null | undefined }
export interface CloudDocRef<T> {
  get (): Promise<CloudDocGet<T>>
  set (options: { data: Omit<T, '_id'> | Record<string, unknown> }): Promise<unknown>
  /** `updated` is 0 when the document does not exist (the SDK sends upsert: false). */
  update (options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove (): Promise<unknown>
}
export interface CloudTransaction {
  collection (name: string): { doc<T> (id: string): CloudDocRef<T> }
  rollback (reason?: unknown): Promise<void>
}
export interface CloudAggregate {
  match (condition: Record<string, unknown>): CloudAggregate
  group (spec: Record<string, unknown>): CloudAggregate
  sort (spec: Record<string, 1 | -1>): CloudAggregate
  limit (n: number): CloudAggregate
  end (): Promise<{ list: Array<Record<string, unknown>> }>
}
export interface CloudQuery {
  count (): Promise<{ total: number }>
  get (): Promise<{ data: Array<Record<string, unknown>> }>
  remove (): Promise<unknown>
  orderBy (field: string, order: 'asc' | 'desc'): CloudQuery
  skip (n: number): CloudQuery
  /** At most 1000 in a cloud function; 100 when not given. */
  limit (n: number): CloudQuery
}
export interface CloudCollection extends CloudQuery {
  doc<T> (id: string): CloudDocRef<T>
  add (options: { data: Record<string, unknown> }): Promise<unknown>
  where (condition: Record<string, unknown>): CloudQuery
  aggregate (): CloudAggregate
}
export interface CloudCommand {
  inc (n: number): unknown
  neq (value: unknown): unknown
  gt (value: unknown): unknown
  gte (value: unknown): unknown
  lt (value: unknown): unknown
  in (values: readonly unknown[]): unknown
  aggregate: { sum (expression: unknown): unknown }
}
export interface CloudDatabase {
  command: CloudCommand
  collection (name: string): CloudCollection
  runTransaction<T> (callback: (transaction: CloudTransaction) => Promise<T>, times?: number): Promise<T>
}

interface PledgeDoc {
  _id: string
  number: number
  shard: number
  company: string | null
  source: string | null
  pledgedAt: string
}
interface EventDoc {
  _id: string
  name: string
  date: string
  place: string
  createdBy: string
  createdAt: string
}
interface SeqDoc { _id: string; kind: 'seq'; shard: number; issued: number; count: number }
type TallyKind = 'company' | 'source' | 'via'
interface TallyDoc { _id: string; kind: TallyKind; key: string; shard: number; count: number; updatedAt: string }
interface RecountDoc { _id: string; kind: 'recount'; cursor: string }

export const PLEDGES = 'pledges'
export const COUNTERS = 'counters'
export const TALLIES = 'tallies'
export const TOTALS = 'totals'
export const EVENTS = 'events'
/** Reports organisers added, `_id` = report id; and names hidden from the public board, `_id` = keyHash(name). */
export const NEWS = 'news'
export const HIDDEN = 'hidden_companies'
/** Shards of the sequence and the tallies: at most 1000, so one query reads all of a key's. */
export const SEQ_SHARDS = 256
/** runTransaction's own re-runs, which happen only for a conflict at commit and without a pause. */
export const TRANSACTION_RERUNS = 1
/** Transactions tried per call before StoreBusyError, with full-jitter backoff between. */
export const RETRY_ROUNDS = 8
export const RETRY_BASE_MS = 25
export const RETRY_CAP_MS = 1000
/** recount re-reads tallies changed this long before its last run: a transaction that was still retrying then is seen now. */
export const RECOUNT_OVERLAP_MS = 60_000
/** Query page in a cloud function (the SDK's ceiling). */
const PAGE = 1000
/** Keys re-summed at once by recount. */
const RECOUNT_PARALLEL = 8
const RECOUNT = 'recount'
/** The `via` tally's one key: pledges that came through someone's shared link or poster. */
const VIA_KEY = 's'

/** cyrb53: a short, stable document id part for a company or source of any characters. */
export function keyHash (text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

const tallyId = (kind: TallyKind, key: string, shard: number) => `${kind}-${keyHash(key)}-${shard}`
const totalId = (kind: TallyKind, key: string) => `${kind}-${keyHash(key)}`

/** The tallies one pledge counts in. */
function talliesOf (pledge: { company: string | null; source: string | null }): Array<[TallyKind, string]> {
  const keys: Array<[TallyKind, string]> = []
  if (pledge.company !== null) keys.push(['company', pledge.company])
  if (pledge.source !== null) keys.push(['source', pledge.source])
  if (pledge.source?.startsWith('s:')) keys.push(['via', VIA_KEY])
  return keys
}

/**
 * A conflict in either shape the SDK produces: the raw TCB result at commit (`code`), or an SDK
 * error from an operation (numeric errCode, the TCB message naming the conflict).
 */
export function isConflict (error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, errCode, errMsg, message } = error as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown }
  if (code === 'DATABASE_TRANSACTION_CONFLICT') return true
  const text = typeof errMsg === 'string' ? errMsg : typeof message === 'string' ? message : ''
  return typeof errCode === 'number' && /TransactionConflict|transaction conflict|Transaction is conflict/i.test(text)
}

function toRecord (doc: PledgeDoc): PledgeRecord {
  return { identity: doc._id, number: doc.number, company: doc.company, source: doc.source, pledgedAt: doc.pledgedAt }
}

function toEvent (doc: EventDoc): EventRecord {
  return { id: doc._id, name: doc.name, date: doc.date, place: doc.place, createdBy: doc.createdBy, createdAt: doc.createdAt }
}

export interface CloudbaseStoreOptions {
  /** Draws shards and backoff; injectable for tests. */
  random?: () => number
  /** Shard count (default SEQ_SHARDS); fixed for the life of a database. */
  shards?: number
  now?: () => Date
  sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function inBatches<T> (items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run))
}

export function createCloudbaseStore (db: CloudDatabase, options: CloudbaseStoreOptions = {}): PledgeStore {
  const _ = db.command
  const random = options.random ?? Math.random
  const shards = options.shards ?? SEQ_SHARDS
  const now = options.now ?? (() => new Date())
  const sleep = options.sleep ?? realSleep
  if (!Number.isInteger(shards) || shards < 1 || shards > PAGE) throw new Error(`cloudbase store: shards must be 1–${PAGE}`)

  async function transact<T> (what: string, callback: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    for (let round = 1; ; round += 1) {
      try {
        return await db.runTransaction(callback, TRANSACTION_RERUNS)
      } catch (error) {
        if (!isConflict(error)) throw error
        if (round >= RETRY_ROUNDS) throw new StoreBusyError(`${what}: ${RETRY_ROUNDS} rounds of conflicts`, error)
        await sleep(random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** round))
      }
    }
  }

  /** Adds `delta` to the tally in the transaction, creating it on first use. */
  async function tally (tx: CloudTransaction, kind: TallyKind, key: string, shard: number, delta: number, at: string): Promise<void> {
    const ref = tx.collection(TALLIES).doc<TallyDoc>(tallyId(kind, key, shard))
    const { stats } = await ref.update({ data: { count: _.inc(delta), updatedAt: at } })
    if (stats.updated === 0) await ref.set({ data: { kind, key, shard, count: delta, updatedAt: at } })
  }

  async function sumOf (collection: string, condition: Record<string, unknown>): Promise<number> {
    const { data } = await db.collection(collection).where(condition).limit(PAGE).get()
    return data.reduce((sum, doc) => sum + Number(doc.count), 0)
  }

  const total = () => sumOf(COUNTERS, { kind: 'seq' })

  async function ranked (kind: 'company' | 'source', limit: number): Promise<Array<{ key: string; count: number }>> {
    if (limit === 0) return []
    const { data } = await db.collection(TOTALS).where({ kind }).orderBy('count', 'desc').orderBy('key', 'asc').limit(limit).get()
    return data.map((doc) => ({ key: String(doc.key), count: Number(doc.count) }))
  }

  /** Every document of a query, page by page (maintenance only). */
  async function everything (query: () => CloudQuery): Promise<Array<Record<string, unknown>>> {
    const all: Array<Record<string, unknown>> = []
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query().skip(skip).limit(PAGE).get()
      all.push(...data)
      if (data.length < PAGE) return all
    }
  }

  return {
    async sign (pledge) {
      const outcome = await transact('sign', async (tx) => {
        const existing = await tx.collection(PLEDGES).doc<PledgeDoc>(pledge.identity).get()
        if (existing.data) return { pledge: toRecord(existing.data), created: false }
        const shard = Math.floor(random() * shards)
        const seqRef = tx.collection(COUNTERS).doc<SeqDoc>(`seq-${shard}`)
        const seq = (await seqRef.get()).data
        const issued = seq ? seq.issued : 0
        // An absolute write of what was read: a concurrent sign on this shard conflicts and is
        // retried, so no number is handed out twice.
        if (seq) await seqRef.update({ data: { issued: issued + 1, count: _.inc(1) } })
        else await seqRef.set({ data: { kind: 'seq', shard, issued: 1, count: 1 } })
        const doc = { number: issued * shards + shard + 1, shard, company: pledge.company, source: pledge.source, pledgedAt: pledge.pledgedAt }
        await tx.collection(PLEDGES).doc<PledgeDoc>(pledge.identity).set({ data: doc })
        const at = now().toISOString()
        for (const [kind, key] of talliesOf(pledge)) await tally(tx, kind, key, shard, 1, at)
        return { pledge: toRecord({ _id: pledge.identity, ...doc }), created: true }
      })
      return { ...outcome, total: await total() }
    },
    async get (identity) {
      const { data } = await db.collection(PLEDGES).doc<PledgeDoc>(identity).get()
      return data ? toRecord(data) : null
    },
    async withdraw (identity) {
      const withdrawn = await transact('withdraw', async (tx) => {
        const existing = (await tx.collection(PLEDGES).doc<PledgeDoc>(identity).get()).data
        if (!existing) return false
        await tx.collection(PLEDGES).doc<PledgeDoc>(identity).remove()
        await tx.collection(COUNTERS).doc<SeqDoc>(`seq-${existing.shard}`).update({ data: { count: _.inc(-1) } })
        const at = now().toISOString()
        for (const [kind, key] of talliesOf(existing)) await tally(tx, kind, key, existing.shard, -1, at)
        return true
      })
      return { withdrawn, total: await total() }
    },
    total,
    companyCount: (company) => sumOf(TALLIES, { kind: 'company', key: company }),
    async stats (limits): Promise<StoreStats> {
      const [count, companies, sources] = await Promise.all([
        total(), ranked('company', limits.companies), ranked('source', limits.sources),
      ])
      return {
        total: count,
        topCompanies: companies.map(({ key, count }) => ({ company: key, count })),
        sources: sources.map(({ key, count }) => ({ source: key, count })),
      }
    },
    async countsBySource (sources) {
      const counts: Record<string, number> = Object.fromEntries(sources.map((source) => [source, 0]))
      if (sources.length === 0) return counts
      const { data } = await db.collection(TOTALS).where({ kind: 'source', key: _.in(sources) }).limit(Math.min(PAGE, sources.length)).get()
      for (const doc of data) counts[String(doc.key)] = Number(doc.count)
      return counts
    },
    viaShares: () => sumOf(TALLIES, { kind: 'via', key: VIA_KEY }),
    async recount () {
      const startedAt = now()
      const cursorRef = db.collection(COUNTERS).doc<RecountDoc>(RECOUNT)
      const cursor = (await cursorRef.get()).data?.cursor ?? new Date(0).toISOString()
      const since = new Date(Date.parse(cursor) - RECOUNT_OVERLAP_MS).toISOString()
      const changed = await everything(() => db.collection(TALLIES).where({ updatedAt: _.gte(since) }).orderBy('updatedAt', 'asc').orderBy('_id', 'asc'))
      const keys = new Map<string, [TallyKind, string]>()
      for (const doc of changed) {
        const kind = doc.kind as TallyKind
        if (kind !== 'via') keys.set(totalId(kind, String(doc.key)), [kind, String(doc.key)])
      }
      // totals has one writer (this trigger), so plain writes of a fresh sum are safe to repeat.
      await inBatches([...keys.entries()], RECOUNT_PARALLEL, async ([id, [kind, key]]) => {
        const count = await sumOf(TALLIES, { kind, key })
        const ref = db.collection(TOTALS).doc(id)
        if (count > 0) await ref.set({ data: { kind, key, count } })
        else await ref.remove()
      })
      await cursorRef.set({ data: { kind: 'recount', cursor: startedAt.toISOString() } })
    },
    // `add` fails on an existing _id; the doc being there afterwards is what says "taken".
    async createEvent (event) {
      const { id, ...fields } = event
      try {
        await db.collection(EVENTS).add({ data: { _id: id, ...fields } })
        return true
      } catch (error) {
        if ((await db.collection(EVENTS).doc<EventDoc>(id).get()).data) return false
        throw error
      }
    },
    async getEvent (id) {
      const { data } = await db.collection(EVENTS).doc<EventDoc>(id).get()
      return data ? toEvent(data) : null
    },
    async listEvents (limit) {
      const { data } = await db.collection(EVENTS).orderBy('createdAt', 'desc').orderBy('_id', 'asc').limit(limit).get()
      return (data as unknown as EventDoc[]).map(toEvent)
    },
    async putNews (report) {
      const { id, ...fields } = report
      await db.collection(NEWS).doc(id).set({ data: { ...fields } })
    },
    async removeNews (id) {
      const ref = db.collection(NEWS).doc(id)
      if (!(await ref.get()).data) return false
      await ref.remove()
      return true
    },
    async listNews (limit) {
      const { data } = await db.collection(NEWS).orderBy('date', 'desc').orderBy('updatedAt', 'desc').orderBy('_id', 'asc').limit(limit).get()
      return data.map(({ _id, ...fields }) => ({ id: String(_id), ...fields }) as unknown as NewsRecord).sort(newsOrder)
    },
    async setHidden (company, mark) {
      const ref = db.collection(HIDDEN).doc(keyHash(company))
      if (mark === null) await ref.remove()
      else await ref.set({ data: { company, ...mark } })
    },
    async listHidden (limit) {
      const { data } = await db.collection(HIDDEN).orderBy('hiddenAt', 'desc').orderBy('company', 'asc').limit(limit).get()
      return data.map((doc) => ({ company: String(doc.company), hiddenBy: String(doc.hiddenBy), hiddenAt: String(doc.hiddenAt) }) as HiddenCompany).sort(hiddenOrder)
    },
    /** Counts the collection against every maintained count: a maintenance call, never on a request path. */
    async audit () {
      const [counter, pledges, tallies] = await Promise.all([
        total(),
        everything(() => db.collection(PLEDGES).orderBy('_id', 'asc')),
        everything(() => db.collection(TALLIES).orderBy('_id', 'asc')),
      ])
      const expected = new Map<string, number>()
      for (const doc of pledges) {
        for (const [kind, key] of talliesOf(doc as unknown as PledgeDoc)) expected.set(`${kind} ${key}`, (expected.get(`${kind} ${key}`) ?? 0) + 1)
      }
      const kept = new Map<string, number>()
      for (const doc of tallies) kept.set(`${String(doc.kind)} ${String(doc.key)}`, (kept.get(`${String(doc.kind)} ${String(doc.key)}`) ?? 0) + Number(doc.count))
      const drift = [...new Set([...expected.keys(), ...kept.keys()])].sort()
        .filter((key) => (expected.get(key) ?? 0) !== (kept.get(key) ?? 0))
        .map((key) => `${key}: rows ${expected.get(key) ?? 0}, tallies ${kept.get(key) ?? 0}`)
      return { rows: pledges.length, counter, drift }
    },
    async close () {},
  }
}


/**
 * CloudBase (微信云开发) store. It receives the database object, so only the deployed entry
 * (cloud/functions/pledge/src/index.ts) ever loads wx-server-sdk; tests drive it with a fake.
 * The database must be created with `throwOnNotFound: false` so a missing doc reads as empty
 * (null outside a transaction; checked as falsy, which also covers an undefined inside one).
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.runTransaction.html
 *
 * Collections (permissions: no client access, only cloud functions):
 *   pledges   _id = OPENID, { number, company, source, pledgedAt }; index on company and on source
 *   counters  `seq` { kind: 'seq', value }   last number handed out
 *             `total-<i>` { kind: 'total', value }   shards of the pledge count
 *   events    _id = event id, { name, date, place, createdBy, createdAt }
 *
 * Trade-off: "你是第 N 位" needs dense numbers that are never reused, which takes one sequence
 * document; every sign writes it inside its transaction, so signs serialise on that document.
 * runTransaction re-runs a conflicting transaction at once (TRANSACTION_ATTEMPTS); when that is
 * not enough, the whole call is retried after a random, growing pause (RETRY_ROUNDS) so
 * instances that collided stop colliding. Both transactions re-read before writing, so a retry
 * after an unclear failure cannot pledge or withdraw twice. The total is spread over
 * shards with `_.inc` so withdrawals and the count add no second hot document. If sign volume
 * ever outgrows one document, hand out numbers per shard (shard i issues i, i + S, …) and drop
 * `seq`, at the cost of numbers with gaps.
 */
import { byCountThenName } from '../store'
import type { EventRecord, PledgeRecord, PledgeStore, StoreStats } from '../store'

// The slice of wx-server-sdk's database API this adapter uses.
export interface CloudDocGet<T> { data: T | null | undefined }
export interface CloudDocRef<T> {
  get (): Promise<CloudDocGet<T>>
  set (options: { data: Omit<T, '_id'> }): Promise<unknown>
  update (options: { data: Record<string, unknown> }): Promise<unknown>
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
  orderBy (field: string, order: 'asc' | 'desc'): CloudQuery
  /** At most 1000 in a cloud function. */
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
interface CounterDoc {
  _id: string
  kind: 'seq' | 'total'
  value: number
}

export const PLEDGES = 'pledges'
export const COUNTERS = 'counters'
export const EVENTS = 'events'
/** Shards of the total; the counters collection is read in one query (default page 100). */
export const TOTAL_SHARDS = 8
/** runTransaction's own limit (default 3); it re-runs only on conflict, without a pause. */
export const TRANSACTION_ATTEMPTS = 5
/** Whole-transaction retries with jittered exponential backoff from RETRY_BASE_MS. */
export const RETRY_ROUNDS = 4
export const RETRY_BASE_MS = 20
const SEQ = 'seq'

function toRecord (doc: PledgeDoc): PledgeRecord {
  return { identity: doc._id, number: doc.number, company: doc.company, source: doc.source, pledgedAt: doc.pledgedAt }
}

function toEvent (doc: EventDoc): EventRecord {
  return { id: doc._id, name: doc.name, date: doc.date, place: doc.place, createdBy: doc.createdBy, createdAt: doc.createdAt }
}

export interface CloudbaseStoreOptions {
  /** Picks the total shard a write touches and the backoff; injectable for tests. */
  random?: () => number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createCloudbaseStore (db: CloudDatabase, options: CloudbaseStoreOptions = {}): PledgeStore {
  const _ = db.command
  const random = options.random ?? Math.random
  const shardId = () => `total-${Math.floor(random() * TOTAL_SHARDS)}`
  let ready: Promise<void> | null = null

  async function transact<T> (callback: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    for (let round = 1; ; round += 1) {
      try {
        return await db.runTransaction(callback, TRANSACTION_ATTEMPTS)
      } catch (error) {
        if (round >= RETRY_ROUNDS) throw error
        await sleep(random() * RETRY_BASE_MS * 2 ** round)
      }
    }
  }

  // Counter docs are created with `add`, which fails if the id exists: two cold instances
  // racing here can never reset a counter (an upsert with `set` could).
  async function ensureCounter (id: string, kind: CounterDoc['kind']): Promise<void> {
    const ref = db.collection(COUNTERS).doc<CounterDoc>(id)
    if ((await ref.get()).data) return
    try {
      await db.collection(COUNTERS).add({ data: { _id: id, kind, value: 0 } })
    } catch (error) {
      if (!(await ref.get()).data) throw error
    }
  }

  function setup (): Promise<void> {
    ready ??= Promise.all([
      ensureCounter(SEQ, 'seq'),
      ...Array.from({ length: TOTAL_SHARDS }, (_unused, i) => ensureCounter(`total-${i}`, 'total')),
    ]).then(() => undefined, (error: unknown) => {
      ready = null
      throw error
    })
    return ready
  }

  async function total (): Promise<number> {
    await setup()
    const { data } = await db.collection(COUNTERS).where({ kind: 'total' }).get()
    return data.reduce((sum, doc) => sum + Number(doc.value), 0)
  }

  // An aggregate answers 20 groups unless told otherwise, so the limit is always explicit.
  async function countBy (field: 'company' | 'source', condition: unknown, limit: number): Promise<Array<{ key: string; count: number }>> {
    if (limit === 0) return []
    const { list } = await db.collection(PLEDGES).aggregate()
      .match({ [field]: condition })
      .group({ _id: `$${field}`, count: _.aggregate.sum(1) })
      .sort({ count: -1, _id: 1 })
      .limit(limit)
      .end()
    return list
      .map((item) => ({ key: String(item._id), count: Number(item.count) }))
      .sort(byCountThenName((item) => item.key, (item) => item.count))
  }

  return {
    async sign (pledge) {
      await setup()
      const outcome = await transact(async (tx) => {
        const existing = await tx.collection(PLEDGES).doc<PledgeDoc>(pledge.identity).get()
        if (existing.data) return { pledge: toRecord(existing.data), created: false }
        const seq = await tx.collection(COUNTERS).doc<CounterDoc>(SEQ).get()
        if (!seq.data) throw new Error('pledge store: counters/seq is missing')
        const number = seq.data.value + 1
        // An absolute write of what was read: a concurrent sign that read the same value
        // conflicts on this document and is retried, so no number is handed out twice.
        await tx.collection(COUNTERS).doc<CounterDoc>(SEQ).update({ data: { value: number } })
        const doc = { number, company: pledge.company, source: pledge.source, pledgedAt: pledge.pledgedAt }
        await tx.collection(PLEDGES).doc<PledgeDoc>(pledge.identity).set({ data: doc })
        await tx.collection(COUNTERS).doc<CounterDoc>(shardId()).update({ data: { value: _.inc(1) } })
        return { pledge: toRecord({ _id: pledge.identity, ...doc }), created: true }
      })
      return { ...outcome, total: await total() }
    },
    async get (identity) {
      const { data } = await db.collection(PLEDGES).doc<PledgeDoc>(identity).get()
      return data ? toRecord(data) : null
    },
    async withdraw (identity) {
      await setup()
      const withdrawn = await transact(async (tx) => {
        const existing = await tx.collection(PLEDGES).doc<PledgeDoc>(identity).get()
        if (!existing.data) return false
        await tx.collection(PLEDGES).doc<PledgeDoc>(identity).remove()
        await tx.collection(COUNTERS).doc<CounterDoc>(shardId()).update({ data: { value: _.inc(-1) } })
        return true
      })
      return { withdrawn, total: await total() }
    },
    total,
    async companyCount (company) {
      return (await db.collection(PLEDGES).where({ company }).count()).total
    },
    async stats (limits): Promise<StoreStats> {
      const [count, companies, sources] = await Promise.all([
        total(), countBy('company', _.neq(null), limits.companies), countBy('source', _.neq(null), limits.sources),
      ])
      return {
        total: count,
        topCompanies: companies.map(({ key, count }) => ({ company: key, count })),
        sources: sources.map(({ key, count }) => ({ source: key, count })),
      }
    },
    async countsBySource (sources) {
      const counts = Object.fromEntries(sources.map((source) => [source, 0]))
      for (const { key, count } of await countBy('source', _.in(sources), sources.length)) counts[key] = count
      return counts
    },
    async viaShares () {
      // An anchored prefix, so the source index serves it.
      return (await db.collection(PLEDGES).where({ source: /^s:/ }).count()).total
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
    /** Rows against the shard sum; run it from a maintenance call, it counts the collection. */
    async audit () {
      const [rows, counter] = await Promise.all([db.collection(PLEDGES).count(), total()])
      return { rows: rows.total, counter }
    },
    async close () {
      ready = null
    },
  }
}

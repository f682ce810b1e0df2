/**
 * An in-memory stand-in for the slice of wx-server-sdk's database that
 * cloud/core/stores/cloudbase.ts uses, answering and failing the way the real SDK does.
 * Anything outside that slice throws `Unsupported`, so the adapter cannot quietly depend on
 * behaviour nobody modelled. Modelled from the published sources:
 *
 * - wx-server-sdk 4.0.2 (index.js, src/api/database/...): every database call resolves
 *   `{ ..., errMsg: '<api>:ok' }` or rejects with an Error carrying a numeric `errCode` and
 *   `errMsg` (utils/error.ts toSDKError: message `<api>:fail <errCode> . <TCB message>`, no
 *   `.code`). helper/error-checker.ts checkError maps the TCB error's string code through
 *   TCB_ERR_CODE; codes missing from that table, DATABASE_TRANSACTION_CONFLICT among them,
 *   become SYS_ERR -501001. `document.get` on a missing document rejects with errCode -1
 *   (`document with _id … does not exist`) unless the database was made with
 *   `throwOnNotFound: false`, then it resolves `data: null`.
 * - @cloudbase/database 1.4.3 (src/transaction/index.ts): runTransaction(callback, times = 3)
 *   starts a transaction (one request), runs the callback, commits (one request). It re-runs
 *   the callback ONLY when the thrown error has `code === 'DATABASE_TRANSACTION_CONFLICT'`,
 *   counting `times` down to 0 (so up to times + 1 runs). A conflict met by a document
 *   operation inside the callback reaches the callback as the SDK error above (numeric errCode,
 *   no `.code`), so it is NOT re-run: runTransaction rolls back and rethrows it. A conflict at
 *   commit is thrown raw, `{ code: 'DATABASE_TRANSACTION_CONFLICT', message, requestId }`: it is
 *   re-run, and once `times` is spent that plain object (not an Error) is what rejects.
 *   `transaction.rollback(reason)` resolves; runTransaction then rejects with `reason`.
 * - src/document.ts: `update` is sent with `upsert: false` (a missing document is `updated: 0`,
 *   not an error); `set` with `upsert: true` (replaces the document). src/collection.ts `add`
 *   on an existing _id rejects (E11000 duplicate key, measured: ../shared/STACK-NOTES.md).
 * - Limits: a query returns 100 documents unless `limit` says otherwise, and `limit` stops at
 *   1000 in a cloud function; an aggregate returns 20 groups unless it ends with `.limit()`.
 *
 * Conflicts are optimistic, as the messages describe ("maybe resource operated by others"): a
 * transaction's write to a document that someone committed after the transaction started fails
 * at that operation; at commit, any written document committed by someone else since fails the
 * commit. `commitConflictRate` adds commits refused for reasons the client cannot see.
 * Every request (document or query operation, transaction start, commit, rollback) waits
 * `latencyMs` (uniform in [min, max]) or, without it, yields a random number of times, so
 * concurrent calls really interleave.
 */
import type {
  CloudAggregate, CloudCollection, CloudCommand, CloudDatabase, CloudDocRef, CloudQuery, CloudTransaction,
} from '../core/stores/cloudbase'

type Doc = Record<string, unknown> & { _id: string }
/** A removed document stays as a tombstone so a later conflicting write still sees its version. */
interface Stored { doc: Doc | null; version: number }

const OP = Symbol('command')
type Operator = 'inc' | 'neq' | 'in' | 'gt' | 'gte' | 'lt' | 'sum'
interface Command { [OP]: Operator; value: unknown }
const isCommand = (value: unknown, op?: Operator): value is Command =>
  typeof value === 'object' && value !== null && OP in value && (op === undefined || (value as Command)[OP] === op)

/** TCB's string codes and the numbers wx-server-sdk turns them into (TCB_ERR_CODE). */
const TCB_ERR_CODE: Record<string, number> = { SYS_ERR: -501001, DATABASE_REQUEST_FAILED: -502001 }
export const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT'
export const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'
/** The server SDK's `limit` ceiling in a cloud function, its default page, and an aggregate's default groups. */
const MAX_LIMIT = 1000
const DEFAULT_PAGE = 100
const AGGREGATE_DEFAULT_GROUPS = 20

export interface SdkError extends Error { errCode: number; errMsg: string }

/** utils/error.ts toSDKError for a TCB result `{ code, message }`. */
function sdkError (api: string, tcb: { code: string; message: string }): SdkError {
  const errCode = TCB_ERR_CODE[tcb.code] ?? TCB_ERR_CODE.SYS_ERR
  const error = new Error(`${api}:fail ${errCode} . ${tcb.message}`) as SdkError
  error.errCode = errCode
  error.errMsg = error.message
  return error
}

/** toSDKError for a thrown string (document.get's not-found). */
function sdkStringError (api: string, text: string): SdkError {
  const error = new Error(`${api}:fail ${text}`) as SdkError
  error.errCode = -1
  error.errMsg = error.message
  return error
}

class ConflictSignal {
  constructor (readonly key: string) {}
}

class Unsupported extends Error {
  constructor (what: string) {
    super(`fake cloud db: unsupported ${what}`)
  }
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

function isPlain (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
}

/** Plain JSON values only; `_.inc` is accepted only where `allowInc` says so. */
function checkData (data: unknown, allowInc: boolean): asserts data is Record<string, unknown> {
  if (!isPlain(data) || Object.keys(data).length === 0) throw new Unsupported('data (must be a non-empty plain object)')
  for (const [key, value] of Object.entries(data)) {
    if (key.includes('.')) throw new Unsupported(`dotted field ${key}`)
    if (isCommand(value)) {
      if (!allowInc || !isCommand(value, 'inc')) throw new Unsupported(`command in data of ${key}`)
      continue
    }
    if (!isJson(value)) throw new Unsupported(`value type of ${key}`)
  }
}

/** JSON values: nested arrays and plain objects are stored as they are, commands only at the top. */
function isJson (value: unknown): boolean {
  if (value === null || ['string', 'boolean'].includes(typeof value)) return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(isJson)
  return isPlain(value) && !isCommand(value) && Object.values(value).every(isJson)
}

function applyUpdate (doc: Doc, data: Record<string, unknown>): Doc {
  const next: Doc = { ...doc }
  for (const [key, value] of Object.entries(data)) {
    if (isCommand(value, 'inc')) {
      const current = next[key] ?? 0
      if (typeof current !== 'number') throw new Unsupported(`_.inc on non-number ${key}`)
      next[key] = current + (value.value as number)
    } else {
      next[key] = value
    }
  }
  return next
}

function compare (x: unknown, y: unknown): number {
  if (typeof x !== typeof y || !['string', 'number'].includes(typeof x)) throw new Unsupported('comparison of mixed or missing values')
  return (x as string | number) < (y as string | number) ? -1 : (x as string | number) > (y as string | number) ? 1 : 0
}

function matches (doc: Doc, condition: Record<string, unknown>): boolean {
  if (!isPlain(condition) || Object.keys(condition).length === 0) throw new Unsupported('empty or non-plain condition')
  return Object.entries(condition).every(([key, expected]) => {
    const value = doc[key] ?? null
    if (isCommand(expected)) {
      switch (expected[OP]) {
        case 'neq': return value !== expected.value
        case 'in': return (expected.value as unknown[]).includes(value)
        case 'gt': return value !== null && compare(value, expected.value) > 0
        case 'gte': return value !== null && compare(value, expected.value) >= 0
        case 'lt': return value !== null && compare(value, expected.value) < 0
        default: throw new Unsupported(`condition ${expected[OP]}`)
      }
    }
    // A native RegExp is a documented condition; only the i and m flags carry over to the server.
    if (expected instanceof RegExp) {
      if (!/^[im]*$/.test(expected.flags)) throw new Unsupported(`regexp flags ${expected.flags}`)
      return typeof value === 'string' && expected.test(value)
    }
    if (expected !== null && typeof expected === 'object') throw new Unsupported(`condition on ${key}`)
    return value === expected
  })
}

type Order = Array<[field: string, direction: 'asc' | 'desc']>

function compareBy (order: Order) {
  return (a: Doc, b: Doc): number => {
    for (const [field, direction] of order) {
      const c = compare(a[field], b[field])
      if (c !== 0) return direction === 'asc' ? c : -c
    }
    return 0
  }
}

export interface FakeCloudDbOptions {
  random?: () => number
  /** Per request, ms, uniform in [min, max]; without it each request yields 0–3 times. */
  latencyMs?: { min: number; max: number }
  /** cloud.database(config); wx-server-sdk defaults throwOnNotFound to true. */
  config?: { throwOnNotFound?: boolean }
  /** Share of commits refused with a conflict although nothing they wrote changed. */
  commitConflictRate?: number
}

export interface FakeCloudDbStats {
  requests: number
  commits: number
  /** Conflicts met by a document operation inside a transaction, and at commit. */
  operationConflicts: number
  commitConflicts: number
  /** Queries that read a collection by condition (where/count/aggregate), per collection. */
  queries: Record<string, number>
}

export interface FakeCloudDb extends CloudDatabase {
  /** Committed documents, for assertions. */
  dump (collection: string): Doc[]
  stats: FakeCloudDbStats
}

export function createFakeCloudDb (options: FakeCloudDbOptions = {}): FakeCloudDb {
  const random = options.random ?? Math.random
  const throwOnNotFound = options.config?.throwOnNotFound ?? true
  const collections = new Map<string, Map<string, Stored>>()
  let clock = 0
  let requestIds = 0
  const stats: FakeCloudDbStats = { requests: 0, commits: 0, operationConflicts: 0, commitConflicts: 0, queries: {} }

  const table = (name: string) => {
    let docs = collections.get(name)
    if (docs === undefined) {
      docs = new Map()
      collections.set(name, docs)
    }
    return docs
  }
  const request = async () => {
    stats.requests += 1
    const { latencyMs } = options
    if (latencyMs !== undefined) {
      await new Promise<void>((resolve) => setTimeout(resolve, latencyMs.min + random() * (latencyMs.max - latencyMs.min)))
      return
    }
    for (let i = Math.floor(random() * 4); i > 0; i -= 1) await new Promise<void>((resolve) => setImmediate(resolve))
  }
  const commit = (name: string, id: string, doc: Doc | null) => {
    clock += 1
    table(name).set(id, { doc, version: clock })
  }
  const stored = (name: string, id: string): Doc | null => table(name).get(id)?.doc ?? null
  const live = (name: string): Doc[] => [...table(name).values()].flatMap((s) => (s.doc === null ? [] : [s.doc]))
  const counted = (name: string) => { stats.queries[name] = (stats.queries[name] ?? 0) + 1 }
  /** Wraps a call the way wx-server-sdk does: `Unsupported` passes through, TCB failures become SDK errors. */
  const api = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      if (error instanceof ConflictSignal) throw sdkError(name, { code: CONFLICT_CODE, message: CONFLICT_MESSAGE })
      throw error
    }
  }
  const ok = (name: string) => `${name}:ok`

  const command: CloudCommand = {
    inc: (n: number) => {
      if (!Number.isFinite(n)) throw new Unsupported('_.inc of a non-number')
      return { [OP]: 'inc', value: n }
    },
    neq: (value: unknown) => ({ [OP]: 'neq', value }),
    gt: (value: unknown) => ({ [OP]: 'gt', value }),
    gte: (value: unknown) => ({ [OP]: 'gte', value }),
    lt: (value: unknown) => ({ [OP]: 'lt', value }),
    in: (values: readonly unknown[]) => {
      if (!Array.isArray(values) || values.some((v) => v !== null && !['string', 'number', 'boolean'].includes(typeof v))) {
        throw new Unsupported('_.in of anything but an array of plain values')
      }
      return { [OP]: 'in', value: [...values] }
    },
    aggregate: { sum: (expression: unknown) => ({ [OP]: 'sum', value: expression }) },
  }

  interface QueryState { condition: Record<string, unknown> | null; order: Order; skip: number; limit: number | null }

  function query (name: string, state: QueryState): CloudQuery {
    const selected = () => live(name).filter((doc) => state.condition === null || matches(doc, state.condition))
    return {
      async count () {
        if (state.order.length > 0 || state.limit !== null || state.skip > 0) throw new Unsupported('count after orderBy, skip or limit')
        return api('collection.count', async () => {
          counted(name)
          await request()
          return { total: selected().length, errMsg: ok('collection.count') }
        })
      },
      async get () {
        return api('collection.get', async () => {
          counted(name)
          await request()
          const sorted = state.order.length > 0 ? selected().sort(compareBy(state.order)) : selected()
          return { data: clone(sorted.slice(state.skip, state.skip + (state.limit ?? DEFAULT_PAGE))), errMsg: ok('collection.get') }
        })
      },
      async remove () {
        if (state.condition === null || state.order.length > 0 || state.limit !== null) throw new Unsupported('remove without a bare where')
        return api('collection.remove', async () => {
          counted(name)
          await request()
          const gone = selected()
          for (const doc of gone) commit(name, doc._id, null)
          return { stats: { removed: gone.length }, errMsg: ok('collection.remove') }
        })
      },
      orderBy (field, direction) {
        if (direction !== 'asc' && direction !== 'desc') throw new Unsupported(`orderBy direction ${String(direction)}`)
        return query(name, { ...state, order: [...state.order, [field, direction]] })
      },
      skip (n) {
        if (!Number.isInteger(n) || n < 0) throw new Unsupported(`skip ${n}`)
        return query(name, { ...state, skip: n })
      },
      limit (n) {
        if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new Unsupported(`limit ${n}`)
        return query(name, { ...state, limit: n })
      },
    }
  }

  function aggregate (name: string): CloudAggregate {
    const stages: Array<[string, unknown]> = []
    const chain: CloudAggregate = {
      match (condition) { stages.push(['match', condition]); return chain },
      group (spec) { stages.push(['group', spec]); return chain },
      sort (spec) { stages.push(['sort', spec]); return chain },
      limit (n) { stages.push(['limit', n]); return chain },
      async end () {
        return api('collection.aggregate', async () => {
          counted(name)
          await request()
          const shape = stages.map(([stage]) => stage).join(',')
          if (shape !== 'match,group,sort,limit' && shape !== 'match,group,sort') throw new Unsupported(`aggregate pipeline ${shape}`)
          const [[, condition], [, group], [, sort], limitStage] = stages
          const spec = group as Record<string, unknown>
          const field = typeof spec._id === 'string' && spec._id.startsWith('$') ? spec._id.slice(1) : null
          const sum = spec.count
          if (field === null || Object.keys(spec).join() !== '_id,count' || !isCommand(sum, 'sum') || sum.value !== 1) {
            throw new Unsupported('group spec (only { _id: "$field", count: $.sum(1) })')
          }
          if (JSON.stringify(sort) !== '{"count":-1,"_id":1}') throw new Unsupported('sort spec')
          const limit = limitStage === undefined ? AGGREGATE_DEFAULT_GROUPS : limitStage[1]
          if (!Number.isInteger(limit) || (limit as number) < 1) throw new Unsupported('limit')
          const counts = new Map<unknown, number>()
          for (const doc of live(name)) {
            if (matches(doc, condition as Record<string, unknown>)) counts.set(doc[field], (counts.get(doc[field]) ?? 0) + 1)
          }
          const list = [...counts].map(([key, count]) => ({ _id: key, count }))
            .sort((a, b) => b.count - a.count || (String(a._id) < String(b._id) ? -1 : 1))
          return { list: list.slice(0, limit as number), errMsg: ok('collection.aggregate') }
        })
      },
    }
    return chain
  }

  /** Operations on one document, inside a transaction (`tx`) or not. */
  function docRef<T> (name: string, id: string, tx: OpenTransaction | null): CloudDocRef<T> {
    if (typeof id !== 'string' || id.length === 0) throw new Unsupported('doc id')
    const current = () => (tx === null ? stored(name, id) : tx.read(name, id))
    const write = (doc: Doc | null) => (tx === null ? commit(name, id, doc) : tx.write(name, id, doc))
    return {
      async get () {
        return api('document.get', async () => {
          await request()
          const doc = current()
          if (doc === null) {
            if (throwOnNotFound) throw sdkStringError('document.get', `document with _id ${id} does not exist`)
            return { data: null, errMsg: ok('document.get') }
          }
          return { data: clone(doc) as T, errMsg: ok('document.get') }
        })
      },
      async set ({ data }) {
        checkData(data, false)
        if ('_id' in data) throw new Unsupported('_id inside set data')
        return api('document.set', async () => {
          await request()
          const created = current() === null
          write({ ...clone(data), _id: id } as Doc)
          return { _id: id, stats: { updated: created ? 0 : 1, created: created ? 1 : 0 }, errMsg: ok('document.set') }
        })
      },
      async update ({ data }) {
        checkData(data, true)
        return api('document.update', async () => {
          await request()
          const doc = current()
          // upsert: false — a missing document is no error, just nothing updated.
          if (doc === null) return { stats: { updated: 0 }, errMsg: ok('document.update') }
          write(applyUpdate(doc, data))
          return { stats: { updated: 1 }, errMsg: ok('document.update') }
        })
      },
      async remove () {
        return api('document.remove', async () => {
          await request()
          const existed = current() !== null
          if (existed) write(null)
          return { stats: { removed: existed ? 1 : 0 }, errMsg: ok('document.remove') }
        })
      },
    }
  }

  function collection (name: string): CloudCollection {
    return {
      ...query(name, { condition: null, order: [], skip: 0, limit: null }),
      doc<T> (id: string): CloudDocRef<T> {
        return docRef<T>(name, id, null)
      },
      async add ({ data }) {
        checkData(data, false)
        const id = data._id
        if (typeof id !== 'string') throw new Unsupported('add without a string _id')
        return api('collection.add', async () => {
          await request()
          if (stored(name, id) !== null) {
            throw sdkError('collection.add', {
              code: 'DATABASE_REQUEST_FAILED',
              message: `[FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${id}" }`,
            })
          }
          commit(name, id, clone(data) as Doc)
          return { _id: id, errMsg: ok('collection.add') }
        })
      },
      where (condition) {
        return query(name, { condition, order: [], skip: 0, limit: null })
      },
      aggregate () {
        return aggregate(name)
      },
    }
  }

  interface OpenTransaction {
    read (name: string, id: string): Doc | null
    write (name: string, id: string, doc: Doc | null): void
  }

  /** One run of the callback: @cloudbase/database's Transaction (init, commit, rollback). */
  async function attempt<T> (callback: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    await request() // database.startTransaction
    const started = clock
    const writes = new Map<string, { name: string; id: string; doc: Doc | null }>()
    const key = (name: string, id: string) => `${name}/${id}`
    const state = { ended: false, aborted: false, abortReason: undefined as unknown }
    const changedSince = (name: string, id: string) => (table(name).get(id)?.version ?? 0) > started
    const open: OpenTransaction = {
      read (name, id) {
        const pending = writes.get(key(name, id))
        return pending !== undefined ? pending.doc : stored(name, id)
      },
      write (name, id, doc) {
        if (state.ended) throw new Unsupported('write after the transaction ended')
        if (changedSince(name, id)) {
          stats.operationConflicts += 1
          throw new ConflictSignal(key(name, id))
        }
        writes.set(key(name, id), { name, id, doc })
      },
    }
    const tx: CloudTransaction = {
      collection (name) {
        return { doc: <D>(id: string) => docRef<D>(name, id, open) }
      },
      async rollback (reason) {
        await request() // database.abortTransaction
        state.ended = true
        state.aborted = true
        state.abortReason = reason
      },
    }
    const rollbackQuietly = async () => {
      if (state.ended) return
      state.ended = true
      await request()
    }
    let result: T
    try {
      result = await callback(tx)
    } catch (error) {
      await rollbackQuietly()
      throw state.aborted ? state.abortReason : error
    }
    if (state.aborted) throw state.abortReason
    await request() // database.commitTransaction
    state.ended = true
    const refused = [...writes.values()].some(({ name, id }) => changedSince(name, id)) ||
      random() < (options.commitConflictRate ?? 0)
    if (refused) {
      stats.commitConflicts += 1
      // Thrown raw, as Transaction.commit throws the TCB result.
      throw { code: CONFLICT_CODE, message: CONFLICT_MESSAGE, requestId: `fake-${(requestIds += 1)}` }
    }
    for (const { name, id, doc } of writes.values()) commit(name, id, doc)
    stats.commits += 1
    return result
  }

  return {
    command,
    collection,
    async runTransaction<T> (callback: (tx: CloudTransaction) => Promise<T>, times = 3): Promise<T> {
      for (let left = times; ; left -= 1) {
        try {
          return await attempt(callback)
        } catch (error) {
          if (left > 0 && (error as { code?: unknown } | null)?.code === CONFLICT_CODE) continue
          throw error
        }
      }
    },
    dump (name) {
      return clone(live(name))
    },
    stats,
  }
}

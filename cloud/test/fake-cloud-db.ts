/**
 * A strict in-memory stand-in for the slice of wx-server-sdk's database that
 * cloud/core/stores/cloudbase.ts uses. Anything outside that slice throws, so the adapter
 * cannot quietly depend on behaviour nobody checked.
 *
 * Transactions follow what CloudBase documents: single-document operations only, writes
 * buffered until commit, and a write to a document another transaction committed since this
 * one started is a conflict; runTransaction re-runs the callback on conflict up to `times`
 * (default 3) and rejects after that. Every operation yields to the event loop a random number
 * of times so concurrent transactions really interleave.
 */
import type {
  CloudAggregate, CloudCollection, CloudCommand, CloudDatabase, CloudDocRef, CloudQuery, CloudTransaction,
} from '../core/stores/cloudbase'

type Doc = Record<string, unknown> & { _id: string }
/** A removed document stays as a tombstone so a later conflicting write still sees its version. */
interface Stored { doc: Doc | null; version: number }

const INC = Symbol('inc')
const NEQ = Symbol('neq')
const IN = Symbol('in')
const SUM = Symbol('sum')
interface Inc { [INC]: number }
interface Neq { [NEQ]: unknown }
interface In { [IN]: readonly unknown[] }
interface Sum { [SUM]: unknown }
/** The server SDK's `limit` ceiling in a cloud function. */
const MAX_LIMIT = 1000

export class ConflictError extends Error {
  constructor (id: string) {
    super(`transaction conflict on ${id}`)
  }
}

class RollbackSignal {
  constructor (readonly reason: unknown) {}
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

/** Plain JSON values only; command objects are accepted only where `allowInc` says so. */
function checkData (data: unknown, allowInc: boolean): void {
  if (!isPlain(data)) throw new Unsupported('data (must be a plain object)')
  for (const [key, value] of Object.entries(data)) {
    if (key.includes('.')) throw new Unsupported(`dotted field ${key}`)
    if (typeof value === 'object' && value !== null && INC in value) {
      if (!allowInc) throw new Unsupported('_.inc outside update')
      continue
    }
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new Unsupported(`value type of ${key}`)
    }
  }
}

function applyUpdate (doc: Doc, data: Record<string, unknown>): Doc {
  const next: Doc = { ...doc }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'object' && value !== null && INC in value) {
      const current = next[key]
      if (typeof current !== 'number') throw new Unsupported(`_.inc on non-number ${key}`)
      next[key] = current + (value as Inc)[INC]
    } else {
      next[key] = value
    }
  }
  return next
}

function matches (doc: Doc, condition: Record<string, unknown>): boolean {
  if (!isPlain(condition) || Object.keys(condition).length === 0) throw new Unsupported('empty or non-plain condition')
  return Object.entries(condition).every(([key, expected]) => {
    if (typeof expected === 'object' && expected !== null && NEQ in expected) {
      return (doc[key] ?? null) !== (expected as Neq)[NEQ]
    }
    if (typeof expected === 'object' && expected !== null && IN in expected) {
      return (expected as In)[IN].includes(doc[key] ?? null)
    }
    // A native RegExp is a documented condition; only the i and m flags carry over to the server.
    if (expected instanceof RegExp) {
      if (!/^[im]*$/.test(expected.flags)) throw new Unsupported(`regexp flags ${expected.flags}`)
      const value = doc[key]
      return typeof value === 'string' && expected.test(value)
    }
    if (expected !== null && typeof expected === 'object') throw new Unsupported(`condition on ${key}`)
    return doc[key] === expected
  })
}

type Order = Array<[field: string, direction: 'asc' | 'desc']>

function compareBy (order: Order) {
  return (a: Doc, b: Doc): number => {
    for (const [field, direction] of order) {
      const [x, y] = [a[field], b[field]]
      if (!['string', 'number'].includes(typeof x) || typeof x !== typeof y) throw new Unsupported(`orderBy on mixed or missing ${field}`)
      if (x === y) continue
      const ascending = (x as string | number) < (y as string | number) ? -1 : 1
      return direction === 'asc' ? ascending : -ascending
    }
    return 0
  }
}

export interface FakeCloudDb extends CloudDatabase {
  /** Committed documents, for assertions. */
  dump (collection: string): Doc[]
  stats: { commits: number; conflicts: number }
}

export function createFakeCloudDb (options: { random?: () => number; maxYields?: number } = {}): FakeCloudDb {
  const random = options.random ?? Math.random
  const maxYields = options.maxYields ?? 3
  const collections = new Map<string, Map<string, Stored>>()
  let clock = 0
  const stats = { commits: 0, conflicts: 0 }

  const table = (name: string) => {
    let docs = collections.get(name)
    if (docs === undefined) {
      docs = new Map()
      collections.set(name, docs)
    }
    return docs
  }
  const jitter = async () => {
    for (let i = Math.floor(random() * (maxYields + 1)); i > 0; i -= 1) {
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }
  const commit = (name: string, id: string, doc: Doc | null) => {
    clock += 1
    table(name).set(id, { doc, version: clock })
  }
  const live = (name: string): Doc[] => [...table(name).values()].flatMap((s) => (s.doc === null ? [] : [s.doc]))

  const command: CloudCommand = {
    inc: (n: number): Inc => {
      if (!Number.isFinite(n)) throw new Unsupported('_.inc of a non-number')
      return { [INC]: n }
    },
    neq: (value: unknown): Neq => ({ [NEQ]: value }),
    in: (values: readonly unknown[]): In => {
      if (!Array.isArray(values) || values.some((v) => v !== null && !['string', 'number', 'boolean'].includes(typeof v))) {
        throw new Unsupported('_.in of anything but an array of plain values')
      }
      return { [IN]: [...values] }
    },
    aggregate: { sum: (expression: unknown): Sum => ({ [SUM]: expression }) },
  }

  function query (name: string, condition: Record<string, unknown> | null, order: Order = [], limit: number | null = null): CloudQuery {
    const selected = () => live(name).filter((doc) => condition === null || matches(doc, condition))
    return {
      async count () {
        if (order.length > 0 || limit !== null) throw new Unsupported('count after orderBy or limit')
        await jitter()
        return { total: selected().length }
      },
      async get () {
        await jitter()
        // The server SDK returns 100 documents per get unless `limit` says otherwise.
        return { data: clone(selected().sort(compareBy(order)).slice(0, limit ?? 100)) }
      },
      orderBy (field, direction) {
        if (direction !== 'asc' && direction !== 'desc') throw new Unsupported(`orderBy direction ${String(direction)}`)
        return query(name, condition, [...order, [field, direction]], limit)
      },
      limit (n) {
        if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new Unsupported(`limit ${n}`)
        return query(name, condition, order, n)
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
        await jitter()
        const shape = stages.map(([stage]) => stage).join(',')
        if (shape !== 'match,group,sort,limit') throw new Unsupported(`aggregate pipeline ${shape}`)
        const [[, condition], [, group], [, sort], [, limit]] = stages
        const spec = group as Record<string, unknown>
        const field = typeof spec._id === 'string' && spec._id.startsWith('$') ? spec._id.slice(1) : null
        const sum = spec.count as Sum | undefined
        if (field === null || Object.keys(spec).join() !== '_id,count' || sum?.[SUM] !== 1) {
          throw new Unsupported('group spec (only { _id: "$field", count: $.sum(1) })')
        }
        if (JSON.stringify(sort) !== '{"count":-1,"_id":1}') throw new Unsupported('sort spec')
        if (!Number.isInteger(limit) || (limit as number) < 1) throw new Unsupported('limit')
        const counts = new Map<unknown, number>()
        for (const doc of live(name)) {
          if (matches(doc, condition as Record<string, unknown>)) counts.set(doc[field], (counts.get(doc[field]) ?? 0) + 1)
        }
        const list = [...counts].map(([key, count]) => ({ _id: key, count }))
          .sort((a, b) => b.count - a.count || (String(a._id) < String(b._id) ? -1 : 1))
        return { list: list.slice(0, limit as number) }
      },
    }
    return chain
  }

  function collection (name: string): CloudCollection {
    return {
      ...query(name, null),
      doc<T> (id: string): CloudDocRef<T> {
        if (typeof id !== 'string' || id.length === 0) throw new Unsupported('doc id')
        const unsupported = (what: string) => async () => { throw new Unsupported(`${what} outside a transaction`) }
        return {
          async get () {
            await jitter()
            const doc = table(name).get(id)?.doc ?? null
            return { data: doc === null ? null : clone(doc) as T }
          },
          set: unsupported('doc.set'),
          update: unsupported('doc.update'),
          remove: unsupported('doc.remove'),
        }
      },
      async add ({ data }) {
        checkData(data, false)
        await jitter()
        const id = data._id
        if (typeof id !== 'string') throw new Unsupported('add without a string _id')
        if ((table(name).get(id)?.doc ?? null) !== null) throw new Error(`duplicate key: ${name}/${id}`)
        commit(name, id, clone(data) as Doc)
        return { _id: id }
      },
      where (condition) {
        return query(name, condition)
      },
      aggregate () {
        return aggregate(name)
      },
    }
  }

  async function attempt<T> (callback: (tx: CloudTransaction) => Promise<T>): Promise<T> {
    const started = clock
    const writes = new Map<string, { name: string; id: string; doc: Doc | null }>()
    const key = (name: string, id: string) => `${name}/${id}`
    let finished = false
    const current = (name: string, id: string): Doc | null => {
      const pending = writes.get(key(name, id))
      if (pending !== undefined) return pending.doc
      return table(name).get(id)?.doc ?? null
    }
    // Like a document database's write lock: touching a document someone committed after we
    // started means we worked from a stale snapshot.
    const checkConflict = (name: string, id: string) => {
      const stored = table(name).get(id)
      if (stored !== undefined && stored.version > started) throw new ConflictError(key(name, id))
    }
    const write = (name: string, id: string, doc: Doc | null) => {
      if (finished) throw new Unsupported('write after the transaction ended')
      checkConflict(name, id)
      writes.set(key(name, id), { name, id, doc })
    }
    const tx: CloudTransaction = {
      collection (name) {
        return {
          doc<T> (id: string): CloudDocRef<T> {
            return {
              async get () {
                await jitter()
                const doc = current(name, id)
                return { data: doc === null ? null : clone(doc) as T }
              },
              async set ({ data }) {
                checkData(data, false)
                if ('_id' in data) throw new Unsupported('_id inside set data')
                await jitter()
                write(name, id, { ...clone(data), _id: id } as Doc)
                return { stats: { updated: 1 } }
              },
              async update ({ data }) {
                checkData(data, true)
                await jitter()
                const doc = current(name, id)
                if (doc === null) throw new Error(`update of a missing document ${key(name, id)}`)
                write(name, id, applyUpdate(doc, data))
                return { stats: { updated: 1 } }
              },
              async remove () {
                await jitter()
                write(name, id, null)
                return { stats: { removed: 1 } }
              },
            }
          },
        }
      },
      async rollback (reason) {
        finished = true
        throw new RollbackSignal(reason)
      },
    }
    const result = await callback(tx)
    finished = true
    // Commit is atomic: check every written document, then apply all of them.
    for (const { name, id } of writes.values()) checkConflict(name, id)
    for (const { name, id, doc } of writes.values()) commit(name, id, doc)
    stats.commits += 1
    return result
  }

  return {
    command,
    collection,
    async runTransaction<T> (callback: (tx: CloudTransaction) => Promise<T>, times = 3): Promise<T> {
      for (let run = 1; ; run += 1) {
        try {
          return await attempt(callback)
        } catch (error) {
          if (error instanceof RollbackSignal) throw error.reason
          if (!(error instanceof ConflictError) || run >= times) throw error
          stats.conflicts += 1
        }
      }
    },
    dump (name) {
      return clone(live(name))
    },
    stats,
  }
}

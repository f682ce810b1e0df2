/**
 * In-process store for unit tests. Each method runs without an `await` in between its reads
 * and writes, so it is atomic on Node's single thread. Like the other stores it keeps its
 * counts on every write; `audit` recounts the rows to check them.
 */
import type { HiddenCompany } from '../protocol'
import { byCountThenName, hiddenOrder, newsOrder } from '../store'
import type { EventRecord, NewsRecord, PledgeRecord, PledgeStore, StoreStats } from '../store'

function tally (values: Iterable<string | null>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return counts
}

/** A count that reaches 0 leaves the map, so `stats` never lists it. */
function add (counts: Map<string, number>, key: string | null, delta: 1 | -1): void {
  if (key === null) return
  const count = (counts.get(key) ?? 0) + delta
  if (count === 0) counts.delete(key)
  else counts.set(key, count)
}

/** Where a kept count and the rows disagree, one line per name: `<kind> <name>: <rows> rows, kept <count>`. */
function driftOf (kind: string, counted: Map<string, number>, kept: Map<string, number>): string[] {
  const names = new Set([...counted.keys(), ...kept.keys()])
  return [...names].sort()
    .filter((name) => counted.get(name) !== kept.get(name))
    .map((name) => `${kind} ${name}: ${counted.get(name) ?? 0} rows, kept ${kept.get(name) ?? 0}`)
}

const isShared = (source: string | null): boolean => source?.startsWith('s:') ?? false

/** Newest first, ties by id: the order every adapter's `listEvents` returns. */
function newestFirst (a: EventRecord, b: EventRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function createMemoryStore (): PledgeStore {
  const pledges = new Map<string, PledgeRecord>()
  const events = new Map<string, EventRecord>()
  const news = new Map<string, NewsRecord>()
  const hidden = new Map<string, HiddenCompany>()
  const companyCounts = new Map<string, number>()
  const sourceCounts = new Map<string, number>()
  let viaShares = 0
  let total = 0
  let nextNumber = 1
  const copy = (record: PledgeRecord): PledgeRecord => ({ ...record })
  const count = (record: PledgeRecord, delta: 1 | -1) => {
    total += delta
    add(companyCounts, record.company, delta)
    add(sourceCounts, record.source, delta)
    if (isShared(record.source)) viaShares += delta
  }

  return {
    async sign (pledge) {
      const existing = pledges.get(pledge.identity)
      if (existing !== undefined) return { pledge: copy(existing), created: false, total }
      const record: PledgeRecord = { ...pledge, number: nextNumber }
      nextNumber += 1
      pledges.set(record.identity, record)
      count(record, 1)
      return { pledge: copy(record), created: true, total }
    },
    async get (identity) {
      const record = pledges.get(identity)
      return record === undefined ? null : copy(record)
    },
    async withdraw (identity) {
      const record = pledges.get(identity)
      if (record === undefined) return { withdrawn: false, total }
      pledges.delete(identity)
      count(record, -1)
      return { withdrawn: true, total }
    },
    async total () {
      return total
    },
    async companyCount (company) {
      return companyCounts.get(company) ?? 0
    },
    async stats (limits): Promise<StoreStats> {
      // Sorting the whole map is fine for a test store; SQLite reads the top from an index.
      const companies = [...companyCounts].map(([company, count]) => ({ company, count }))
      const sources = [...sourceCounts].map(([source, count]) => ({ source, count }))
      return {
        total,
        topCompanies: companies.sort(byCountThenName((c) => c.company, (c) => c.count)).slice(0, limits.companies),
        sources: sources.sort(byCountThenName((s) => s.source, (s) => s.count)).slice(0, limits.sources),
      }
    },
    async countsBySource (sources) {
      return Object.fromEntries(sources.map((source) => [source, sourceCounts.get(source) ?? 0]))
    },
    async viaShares () {
      return viaShares
    },
    async recount () {},
    async createEvent (event) {
      if (events.has(event.id)) return false
      events.set(event.id, { ...event })
      return true
    },
    async getEvent (id) {
      const event = events.get(id)
      return event === undefined ? null : { ...event }
    },
    async listEvents (limit) {
      return [...events.values()].sort(newestFirst).slice(0, limit).map((event) => ({ ...event }))
    },
    async putNews (report) {
      news.set(report.id, { ...report })
    },
    async removeNews (id) {
      return news.delete(id)
    },
    async listNews (limit) {
      return [...news.values()].sort(newsOrder).slice(0, limit).map((report) => ({ ...report }))
    },
    async setHidden (company, mark) {
      if (mark === null) hidden.delete(company)
      else hidden.set(company, { company, ...mark })
    },
    async listHidden (limit) {
      return [...hidden.values()].sort(hiddenOrder).slice(0, limit).map((entry) => ({ ...entry }))
    },
    async audit () {
      const records = [...pledges.values()]
      const shared = records.filter((r) => isShared(r.source)).length
      return {
        rows: pledges.size,
        counter: total,
        drift: [
          ...driftOf('company', tally(records.map((r) => r.company)), companyCounts),
          ...driftOf('source', tally(records.map((r) => r.source)), sourceCounts),
          ...(shared === viaShares ? [] : [`via shares: ${shared} rows, kept ${viaShares}`]),
        ],
      }
    },
    async close () {
      pledges.clear()
      events.clear()
      news.clear()
      hidden.clear()
      companyCounts.clear()
      sourceCounts.clear()
    },
  }
}

/**
 * In-process store for unit tests. Each method runs without an `await` in between its reads
 * and writes, so it is atomic on Node's single thread.
 */
import { byCountThenName } from '../store'
import type { EventRecord, PledgeRecord, PledgeStore, StoreStats } from '../store'

function tally (values: Iterable<string | null>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return counts
}

/** Newest first, ties by id: the order every adapter's `listEvents` returns. */
function newestFirst (a: EventRecord, b: EventRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function createMemoryStore (): PledgeStore {
  const pledges = new Map<string, PledgeRecord>()
  const events = new Map<string, EventRecord>()
  let total = 0
  let nextNumber = 1
  const copy = (record: PledgeRecord): PledgeRecord => ({ ...record })

  return {
    async sign (pledge) {
      const existing = pledges.get(pledge.identity)
      if (existing !== undefined) return { pledge: copy(existing), created: false, total }
      const record: PledgeRecord = { ...pledge, number: nextNumber }
      nextNumber += 1
      total += 1
      pledges.set(record.identity, record)
      return { pledge: copy(record), created: true, total }
    },
    async get (identity) {
      const record = pledges.get(identity)
      return record === undefined ? null : copy(record)
    },
    async withdraw (identity) {
      if (!pledges.delete(identity)) return { withdrawn: false, total }
      total -= 1
      return { withdrawn: true, total }
    },
    async total () {
      return total
    },
    async companyCount (company) {
      let count = 0
      for (const record of pledges.values()) if (record.company === company) count += 1
      return count
    },
    async stats (limits): Promise<StoreStats> {
      const records = [...pledges.values()]
      const companies = [...tally(records.map((r) => r.company))].map(([company, count]) => ({ company, count }))
      const sources = [...tally(records.map((r) => r.source))].map(([source, count]) => ({ source, count }))
      return {
        total,
        topCompanies: companies.sort(byCountThenName((c) => c.company, (c) => c.count)).slice(0, limits.companies),
        sources: sources.sort(byCountThenName((s) => s.source, (s) => s.count)).slice(0, limits.sources),
      }
    },
    async countsBySource (sources) {
      const counts = Object.fromEntries(sources.map((source) => [source, 0]))
      for (const { source } of pledges.values()) {
        if (source !== null && Object.prototype.hasOwnProperty.call(counts, source)) counts[source] += 1
      }
      return counts
    },
    async viaShares () {
      let count = 0
      for (const { source } of pledges.values()) if (source?.startsWith('s:')) count += 1
      return count
    },
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
    async audit () {
      return { rows: pledges.size, counter: total }
    },
    async close () {
      pledges.clear()
      events.clear()
    },
  }
}

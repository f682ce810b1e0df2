/**
 * The local runner's store: one SQLite file through better-sqlite3. A pledge row and the
 * `meta` counters (`total`, `next_number`) change in one IMMEDIATE transaction, so a crash at
 * any point leaves rows = counter; WAL lets readers run while a write commits.
 *
 * Group commit: signs that arrive in the same event-loop turn are written in one transaction
 * (each row still with its counter update), and each promise resolves only after that commit.
 * One WAL commit per batch instead of per pledge is what lets the local runner take bursts.
 *
 * Checkpoints (copying the WAL back into the database file, with an fsync) run on a worker
 * thread with its own connection, so they never stall the event loop that answers requests.
 */
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { EventRecord, NewPledge, PledgeRecord, PledgeStore, SignOutcome } from '../store'

interface Row {
  identity: string
  number: number
  company: string | null
  source: string | null
  pledged_at: string
}

interface EventRow {
  id: string
  name: string
  date: string
  place: string
  created_by: string
  created_at: string
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pledges (
  identity   TEXT PRIMARY KEY,
  number     INTEGER NOT NULL UNIQUE,
  company    TEXT,
  source     TEXT,
  pledged_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pledges_company ON pledges (company) WHERE company IS NOT NULL;
CREATE INDEX IF NOT EXISTS pledges_source ON pledges (source) WHERE source IS NOT NULL;
CREATE TABLE IF NOT EXISTS meta (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  total       INTEGER NOT NULL,
  next_number INTEGER NOT NULL
);
INSERT INTO meta (id, total, next_number) VALUES (1, 0, 1) ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS events (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  date       TEXT NOT NULL,
  place      TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_newest ON events (created_at DESC, id);
`

function toRecord (row: Row): PledgeRecord {
  return { identity: row.identity, number: row.number, company: row.company, source: row.source, pledgedAt: row.pledged_at }
}

function toEvent (row: EventRow): EventRecord {
  return { id: row.id, name: row.name, date: row.date, place: row.place, createdBy: row.created_by, createdAt: row.created_at }
}

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's lock, ms. */
  busyTimeoutMs?: number
  /** How often the background thread checkpoints the WAL, ms. */
  checkpointIntervalMs?: number
  /** WAL size that makes the checkpointer truncate it; default WAL_SIZE_LIMIT_BYTES. */
  walSizeLimitBytes?: number
}

/** SQLite's own default, used again if the background checkpointer cannot run. */
const AUTOCHECKPOINT_PAGES = 1000
/** The WAL is truncated once it grows past this (and back to it whenever SQLite rewinds it). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

// Runs in a worker thread. PASSIVE never waits for or blocks writers; it copies what it can.
// Under steady writes the WAL never drains to empty, so it is never rewound and keeps growing:
// past the size limit, TRUNCATE briefly holds writers off (milliseconds, everything is already
// copied) and starts the WAL afresh.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { timeout: 5000 })
const limitFrames = workerData.limitBytes / db.pragma('page_size', { simple: true })
const timer = setInterval(() => {
  const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)')
  if (log > limitFrames) db.pragma('wal_checkpoint(TRUNCATE)')
}, workerData.intervalMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

function startCheckpointer (db: Database.Database, file: string, intervalMs: number, limitBytes: number): () => Promise<void> {
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs, limitBytes },
  })
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  // Without the thread, let SQLite checkpoint inline again rather than grow the WAL forever.
  worker.once('error', () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
  })
  db.pragma('wal_autocheckpoint = 0')
  // Safe to call more than once, and after the thread has already gone.
  return () => {
    worker.postMessage('stop')
    return exited
  }
}

interface Pending {
  pledge: NewPledge
  resolve: (outcome: SignOutcome) => void
  reject: (error: unknown) => void
}

export function openSqliteStore (file: string, options: SqliteStoreOptions = {}): PledgeStore {
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 })
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a process crash; only an OS crash or
  // power loss can drop the last commits, and then rows and counter go back together.
  db.pragma('synchronous = NORMAL')
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
  const walLimit = options.walSizeLimitBytes ?? WAL_SIZE_LIMIT_BYTES
  db.pragma(`journal_size_limit = ${walLimit}`)
  db.exec(SCHEMA)
  const stopCheckpointer = startCheckpointer(db, file, options.checkpointIntervalMs ?? 200, walLimit)

  const selectPledge = db.prepare<[string], Row>('SELECT * FROM pledges WHERE identity = ?')
  const selectTotal = db.prepare<[], { total: number }>('SELECT total FROM meta WHERE id = 1')
  // The number comes from meta inside the same transaction; RETURNING says whether a row was inserted.
  const insertPledge = db.prepare<[string, string | null, string | null, string], { number: number }>(
    `INSERT INTO pledges (identity, number, company, source, pledged_at)
     VALUES (?, (SELECT next_number FROM meta WHERE id = 1), ?, ?, ?)
     ON CONFLICT (identity) DO NOTHING RETURNING number`,
  )
  const countSigned = db.prepare<[], { total: number }>(
    'UPDATE meta SET total = total + 1, next_number = next_number + 1 WHERE id = 1 RETURNING total',
  )
  const deletePledge = db.prepare<[string]>('DELETE FROM pledges WHERE identity = ?')
  const countWithdrawn = db.prepare<[], { total: number }>('UPDATE meta SET total = total - 1 WHERE id = 1 RETURNING total')
  const countCompany = db.prepare<[string], { count: number }>('SELECT count(*) AS count FROM pledges WHERE company = ?')
  const countRows = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM pledges')
  const topCompanies = db.prepare<[number], { company: string; count: number }>(
    `SELECT company, count(*) AS count FROM pledges WHERE company IS NOT NULL
     GROUP BY company ORDER BY count DESC, company ASC LIMIT ?`,
  )
  const topSources = db.prepare<[number], { source: string; count: number }>(
    `SELECT source, count(*) AS count FROM pledges WHERE source IS NOT NULL
     GROUP BY source ORDER BY count DESC, source ASC LIMIT ?`,
  )

  // The sources arrive as one JSON array parameter, so one prepared statement serves any count.
  const countSources = db.prepare<[string], { source: string; count: number }>(
    `SELECT source, count(*) AS count FROM pledges WHERE source IN (SELECT value FROM json_each(?))
     GROUP BY source`,
  )
  // A range rather than LIKE 's:%' (case-insensitive, so no index): ';' follows ':' in ASCII.
  const countShared = db.prepare<[], { count: number }>(
    `SELECT count(*) AS count FROM pledges WHERE source >= 's:' AND source < 's;'`,
  )
  const insertEvent = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO events (id, name, date, place, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  )
  const selectEvent = db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?')
  const newestEvents = db.prepare<[number], EventRow>('SELECT * FROM events ORDER BY created_at DESC, id ASC LIMIT ?')

  const total = (): number => {
    const row = selectTotal.get()
    if (row === undefined) throw new Error('pledge store: meta row is missing')
    return row.total
  }

  const signOne = (pledge: NewPledge): SignOutcome => {
    const inserted = insertPledge.get(pledge.identity, pledge.company, pledge.source, pledge.pledgedAt)
    if (inserted !== undefined) {
      const counted = countSigned.get()
      if (counted === undefined) throw new Error('pledge store: meta row is missing')
      return { pledge: { ...pledge, number: inserted.number }, created: true, total: counted.total }
    }
    const row = selectPledge.get(pledge.identity)
    if (row === undefined) throw new Error('pledge store: conflicting row vanished inside its transaction')
    return { pledge: toRecord(row), created: false, total: total() }
  }

  // IMMEDIATE takes the write lock up front, so two processes on one file never read the same
  // next_number.
  const signBatch = db.transaction((pledges: NewPledge[]) => pledges.map(signOne))
  const signSingle = db.transaction(signOne)

  let pending: Pending[] = []
  const flush = () => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    let outcomes: SignOutcome[]
    try {
      outcomes = signBatch.immediate(batch.map((p) => p.pledge))
    } catch {
      // One failing pledge must not fail its neighbours: retry each in its own transaction.
      for (const p of batch) {
        try {
          p.resolve(signSingle.immediate(p.pledge))
        } catch (error) {
          p.reject(error)
        }
      }
      return
    }
    batch.forEach((p, i) => p.resolve(outcomes[i]))
  }

  const withdraw = db.transaction((identity: string) => {
    if (deletePledge.run(identity).changes !== 1) return { withdrawn: false, total: total() }
    const counted = countWithdrawn.get()
    if (counted === undefined) throw new Error('pledge store: meta row is missing')
    return { withdrawn: true, total: counted.total }
  })

  const stats = db.transaction((limits: { companies: number; sources: number }) => ({
    total: total(),
    topCompanies: topCompanies.all(limits.companies),
    sources: topSources.all(limits.sources),
  }))

  const audit = db.transaction(() => ({ rows: countRows.get()?.count ?? 0, counter: total() }))

  return {
    sign (pledge) {
      return new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush)
        pending.push({ pledge, resolve, reject })
      })
    },
    async get (identity) {
      const row = selectPledge.get(identity)
      return row === undefined ? null : toRecord(row)
    },
    async withdraw (identity) {
      // Signs queued before this withdrawal are committed first, keeping the caller's order.
      flush()
      return withdraw.immediate(identity)
    },
    async total () {
      return total()
    },
    async companyCount (company) {
      return countCompany.get(company)?.count ?? 0
    },
    async stats (limits) {
      return stats(limits)
    },
    async countsBySource (sources) {
      const counts = Object.fromEntries(sources.map((source) => [source, 0]))
      for (const row of countSources.all(JSON.stringify(sources))) counts[row.source] = row.count
      return counts
    },
    async viaShares () {
      return countShared.get()?.count ?? 0
    },
    async createEvent (event) {
      return insertEvent.run(event.id, event.name, event.date, event.place, event.createdBy, event.createdAt).changes === 1
    },
    async getEvent (id) {
      const row = selectEvent.get(id)
      return row === undefined ? null : toEvent(row)
    },
    async listEvents (limit) {
      return newestEvents.all(limit).map(toEvent)
    },
    async audit () {
      return audit()
    },
    async close () {
      flush()
      await stopCheckpointer()
      if (db.open) db.close()
    },
  }
}

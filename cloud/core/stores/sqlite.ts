/**
 * The local runner's store: one SQLite file through better-sqlite3. A pledge row, the `meta`
 * counters (`total`, `next_number`, `via_shares`) and its company's and source's rows in
 * `company_counts` / `source_counts` change in one IMMEDIATE transaction, so a crash at any
 * point leaves the counts equal to the rows. Reads never count rows: `stats` walks the top of
 * the `(count DESC, name)` indexes and stops at its limit, the rest are primary-key lookups.
 *
 * Durable acknowledgement: `synchronous = FULL` in WAL mode fsyncs the WAL at every commit, and
 * a sign's promise resolves only after its commit, so an acknowledged pledge survives power
 * loss too, not only a process crash (NORMAL would leave the last commits to the OS cache).
 *
 * Group commit: signs that arrive in the same event-loop turn are written in one transaction,
 * their rows one by one and the counts they change once per batch (one update per company, not
 * per pledge), so a burst pays one commit and one fsync per batch instead of per pledge. The
 * fsync stays inside SQLite's commit, on the event loop: SQLite publishes a commit to readers
 * only after it, so no request ever reads a pledge that is not on disk yet.
 *
 * Checkpoints (copying the WAL back into the database file, with an fsync) run on a worker
 * thread with its own connection, so they never stall the event loop that answers requests.
 */
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { EventRecord, NewPledge, PledgeRecord, PledgeStore, SignOutcome, StoreAudit } from '../store'

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

/** The tables of every version; a file from before the count tables has exactly these. */
const BASE_SCHEMA = `
CREATE TABLE IF NOT EXISTS pledges (
  identity   TEXT PRIMARY KEY,
  number     INTEGER NOT NULL UNIQUE,
  company    TEXT,
  source     TEXT,
  pledged_at TEXT NOT NULL
) WITHOUT ROWID;
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
CREATE TABLE IF NOT EXISTS news (
  id         TEXT PRIMARY KEY,
  source     TEXT NOT NULL,
  title      TEXT NOT NULL,
  date       TEXT NOT NULL,
  link       TEXT,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hidden_companies (
  company   TEXT PRIMARY KEY,
  hidden_by TEXT NOT NULL,
  hidden_at TEXT NOT NULL
) WITHOUT ROWID;
`

// A source is shared when it starts with 's:'; as a range (';' follows ':' in ASCII) it can use an index.
const SHARED = `source >= 's:' AND source < 's;'`

/**
 * user_version 1: the maintained counts, filled from the rows once (a new file has none). The
 * per-name indexes on pledges only served the old GROUP BY reads; they go after the backfill
 * has used them.
 */
const ADD_COUNTS = `
CREATE TABLE company_counts (
  company TEXT PRIMARY KEY,
  count   INTEGER NOT NULL CHECK (count > 0)
) WITHOUT ROWID;
CREATE INDEX company_counts_top ON company_counts (count DESC, company);
CREATE TABLE source_counts (
  source TEXT PRIMARY KEY,
  count  INTEGER NOT NULL CHECK (count > 0)
) WITHOUT ROWID;
CREATE INDEX source_counts_top ON source_counts (count DESC, source);
ALTER TABLE meta ADD COLUMN via_shares INTEGER NOT NULL DEFAULT 0;
INSERT INTO company_counts (company, count)
  SELECT company, count(*) FROM pledges WHERE company IS NOT NULL GROUP BY company;
INSERT INTO source_counts (source, count)
  SELECT source, count(*) FROM pledges WHERE source IS NOT NULL GROUP BY source;
UPDATE meta SET via_shares = (SELECT count(*) FROM pledges WHERE ${SHARED}) WHERE id = 1;
DROP INDEX IF EXISTS pledges_company;
DROP INDEX IF EXISTS pledges_source;
PRAGMA user_version = 1;
`

/** Names whose rows counted by GROUP BY differ from their maintained row (either side may be missing). */
function driftQuery (column: 'company' | 'source', table: 'company_counts' | 'source_counts'): string {
  return `
    SELECT coalesce(c.name, k.${column}) AS name, coalesce(c.n, 0) AS counted, coalesce(k.count, 0) AS kept
    FROM (SELECT ${column} AS name, count(*) AS n FROM pledges WHERE ${column} IS NOT NULL GROUP BY ${column}) AS c
    FULL JOIN ${table} AS k ON k.${column} = c.name
    WHERE coalesce(c.n, 0) <> coalesce(k.count, 0)
    ORDER BY 1`
}

function toRecord (row: Row): PledgeRecord {
  return { identity: row.identity, number: row.number, company: row.company, source: row.source, pledgedAt: row.pledged_at }
}

function toEvent (row: EventRow): EventRecord {
  return { id: row.id, name: row.name, date: row.date, place: row.place, createdBy: row.created_by, createdAt: row.created_at }
}

const isShared = (source: string | null): boolean => source?.startsWith('s:') ?? false

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
  // Safe to call more than once, and after the thread has already gone. Referenced again so
  // that a process whose last task is awaiting close does not exit before the thread has.
  return () => {
    worker.ref()
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
  db.pragma('synchronous = FULL')
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
  const walLimit = options.walSizeLimitBytes ?? WAL_SIZE_LIMIT_BYTES
  db.pragma(`journal_size_limit = ${walLimit}`)
  // IMMEDIATE: a second process opening the same file waits, then finds the counts already there.
  db.transaction(() => {
    db.exec(BASE_SCHEMA)
    if (db.pragma('user_version', { simple: true }) === 0) db.exec(ADD_COUNTS)
  }).immediate()
  const stopCheckpointer = startCheckpointer(db, file, options.checkpointIntervalMs ?? 200, walLimit)

  const selectPledge = db.prepare<[string], Row>('SELECT * FROM pledges WHERE identity = ?')
  const selectMeta = db.prepare<[], { total: number; next_number: number }>('SELECT total, next_number FROM meta WHERE id = 1')
  const insertPledge = db.prepare<[string, number, string | null, string | null, string]>(
    `INSERT INTO pledges (identity, number, company, source, pledged_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (identity) DO NOTHING`,
  )
  const countSigned = db.prepare<[{ created: number; shared: number }]>(
    'UPDATE meta SET total = total + @created, next_number = next_number + @created, via_shares = via_shares + @shared WHERE id = 1',
  )
  const deletePledge = db.prepare<[string], { company: string | null; source: string | null }>(
    'DELETE FROM pledges WHERE identity = ? RETURNING company, source',
  )
  const countWithdrawn = db.prepare<[number], { total: number }>(
    'UPDATE meta SET total = total - 1, via_shares = via_shares - ? WHERE id = 1 RETURNING total',
  )
  const addCompany = db.prepare<[{ name: string; count: number }]>(
    'INSERT INTO company_counts (company, count) VALUES (@name, @count) ON CONFLICT (company) DO UPDATE SET count = count + @count',
  )
  const addSource = db.prepare<[{ name: string; count: number }]>(
    'INSERT INTO source_counts (source, count) VALUES (@name, @count) ON CONFLICT (source) DO UPDATE SET count = count + @count',
  )
  // The last pledge of a name deletes its row (CHECK count > 0), so stats never lists a 0.
  const dropCompany = db.prepare<[string]>('DELETE FROM company_counts WHERE company = ? AND count = 1')
  const subtractCompany = db.prepare<[string]>('UPDATE company_counts SET count = count - 1 WHERE company = ?')
  const dropSource = db.prepare<[string]>('DELETE FROM source_counts WHERE source = ? AND count = 1')
  const subtractSource = db.prepare<[string]>('UPDATE source_counts SET count = count - 1 WHERE source = ?')

  const countCompany = db.prepare<[string], number>('SELECT count FROM company_counts WHERE company = ?').pluck()
  const topCompanies = db.prepare<[number], { company: string; count: number }>(
    'SELECT company, count FROM company_counts ORDER BY count DESC, company ASC LIMIT ?',
  )
  const topSources = db.prepare<[number], { source: string; count: number }>(
    'SELECT source, count FROM source_counts ORDER BY count DESC, source ASC LIMIT ?',
  )
  // The sources arrive as one JSON array parameter, so one prepared statement serves any count.
  const countSources = db.prepare<[string], { source: string; count: number }>(
    'SELECT source, count FROM source_counts WHERE source IN (SELECT value FROM json_each(?))',
  )
  const countShared = db.prepare<[], number>('SELECT via_shares FROM meta WHERE id = 1').pluck()

  const countRows = db.prepare<[], number>('SELECT count(*) FROM pledges').pluck()
  const companyDrift = db.prepare<[], { name: string; counted: number; kept: number }>(driftQuery('company', 'company_counts'))
  const sourceDrift = db.prepare<[], { name: string; counted: number; kept: number }>(driftQuery('source', 'source_counts'))
  const sharedDrift = db.prepare<[], { counted: number; kept: number }>(
    `SELECT (SELECT count(*) FROM pledges WHERE ${SHARED}) AS counted, via_shares AS kept FROM meta WHERE id = 1`,
  )

  const insertEvent = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO events (id, name, date, place, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  )
  const selectEvent = db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?')
  const newestEvents = db.prepare<[number], EventRow>('SELECT * FROM events ORDER BY created_at DESC, id ASC LIMIT ?')
  // Both lists are short (LIMITS.newsReports, LIMITS.hiddenCompanies): no index beyond the key.
  const upsertNews = db.prepare<[string, string, string, string, string | null, string, string]>(
    `INSERT INTO news (id, source, title, date, link, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET source = excluded.source, title = excluded.title, date = excluded.date,
       link = excluded.link, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  )
  const deleteNews = db.prepare<[string]>('DELETE FROM news WHERE id = ?')
  const newestNews = db.prepare<[number], { id: string; source: string; title: string; date: string; link: string | null; updated_by: string; updated_at: string }>(
    'SELECT * FROM news ORDER BY date DESC, updated_at DESC, id ASC LIMIT ?',
  )
  const upsertHidden = db.prepare<[string, string, string]>(
    `INSERT INTO hidden_companies (company, hidden_by, hidden_at) VALUES (?, ?, ?)
     ON CONFLICT (company) DO UPDATE SET hidden_by = excluded.hidden_by, hidden_at = excluded.hidden_at`,
  )
  const deleteHidden = db.prepare<[string]>('DELETE FROM hidden_companies WHERE company = ?')
  const newestHidden = db.prepare<[number], { company: string; hidden_by: string; hidden_at: string }>(
    'SELECT * FROM hidden_companies ORDER BY hidden_at DESC, company ASC LIMIT ?',
  )

  const meta = () => {
    const row = selectMeta.get()
    if (row === undefined) throw new Error('pledge store: meta row is missing')
    return row
  }
  const total = (): number => meta().total

  /** One tally per name, so a batch of signs naming the same company updates its row once. */
  const tally = (counts: Map<string, number>, name: string | null) => {
    if (name !== null) counts.set(name, (counts.get(name) ?? 0) + 1)
  }

  // Numbers are handed out here and the counts written once per batch; the IMMEDIATE
  // transaction takes the write lock up front, so two processes on one file never read the
  // same next_number.
  const signBatch = db.transaction((pledges: NewPledge[]): SignOutcome[] => {
    const start = meta()
    let created = 0
    let shared = 0
    const companies = new Map<string, number>()
    const sources = new Map<string, number>()
    const outcomes = pledges.map((pledge): SignOutcome => {
      const number = start.next_number + created
      if (insertPledge.run(pledge.identity, number, pledge.company, pledge.source, pledge.pledgedAt).changes === 0) {
        const row = selectPledge.get(pledge.identity)
        if (row === undefined) throw new Error('pledge store: conflicting row vanished inside its transaction')
        return { pledge: toRecord(row), created: false, total: start.total + created }
      }
      created += 1
      if (isShared(pledge.source)) shared += 1
      tally(companies, pledge.company)
      tally(sources, pledge.source)
      return { pledge: { ...pledge, number }, created: true, total: start.total + created }
    })
    if (created > 0) countSigned.run({ created, shared })
    for (const [name, count] of companies) addCompany.run({ name, count })
    for (const [name, count] of sources) addSource.run({ name, count })
    // The count after the batch, read inside the write: the caller needs no read of its own.
    const after = new Map<string, number>()
    for (const outcome of outcomes) {
      const { company } = outcome.pledge
      if (company === null) outcome.companyCount = 0
      else if (outcome.created) {
        if (!after.has(company)) after.set(company, countCompany.get(company) ?? 0)
        outcome.companyCount = after.get(company)
      }
    }
    return outcomes
  })

  // Reads in one event-loop turn share one read transaction: starting one takes and drops WAL
  // locks (system calls), which costs more than the key lookup itself. Every write ends it
  // first, so a read always sees this store's acknowledged writes; another process's commit
  // shows from the next turn on.
  const beginRead = db.prepare('BEGIN')
  const endRead = db.prepare('COMMIT')
  let snapshot = false
  const endSnapshot = () => {
    if (!snapshot) return
    snapshot = false
    endRead.run()
  }
  const read = <T>(query: () => T): T => {
    if (!snapshot) {
      beginRead.run()
      snapshot = true
      setImmediate(endSnapshot)
    }
    return query()
  }

  let pending: Pending[] = []
  const flush = () => {
    endSnapshot()
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
          p.resolve(signBatch.immediate([p.pledge])[0])
        } catch (error) {
          p.reject(error)
        }
      }
      return
    }
    batch.forEach((p, i) => p.resolve(outcomes[i]))
  }

  const withdraw = db.transaction((identity: string) => {
    const deleted = deletePledge.get(identity)
    if (deleted === undefined) return { withdrawn: false, total: total() }
    const counted = countWithdrawn.get(isShared(deleted.source) ? 1 : 0)
    if (counted === undefined) throw new Error('pledge store: meta row is missing')
    if (deleted.company !== null && dropCompany.run(deleted.company).changes === 0) subtractCompany.run(deleted.company)
    if (deleted.source !== null && dropSource.run(deleted.source).changes === 0) subtractSource.run(deleted.source)
    return { withdrawn: true, total: counted.total }
  })

  // Both run inside read(), whose transaction keeps their statements on one snapshot.
  const stats = (limits: { companies: number; sources: number }) => ({
    total: total(),
    topCompanies: topCompanies.all(limits.companies),
    sources: topSources.all(limits.sources),
  })

  // Scans every row: for tests and maintenance, never a request.
  const audit = (): StoreAudit => {
    const shared = sharedDrift.get()
    if (shared === undefined) throw new Error('pledge store: meta row is missing')
    return {
      rows: countRows.get() ?? 0,
      counter: total(),
      drift: [
        ...companyDrift.all().map((d) => `company ${d.name}: ${d.counted} rows, kept ${d.kept}`),
        ...sourceDrift.all().map((d) => `source ${d.name}: ${d.counted} rows, kept ${d.kept}`),
        ...(shared.counted === shared.kept ? [] : [`via shares: ${shared.counted} rows, kept ${shared.kept}`]),
      ],
    }
  }

  return {
    sign (pledge) {
      return new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush)
        pending.push({ pledge, resolve, reject })
      })
    },
    async get (identity) {
      const row = read(() => selectPledge.get(identity))
      return row === undefined ? null : toRecord(row)
    },
    async withdraw (identity) {
      // Signs queued before this withdrawal are committed first, keeping the caller's order.
      flush()
      return withdraw.immediate(identity)
    },
    async total () {
      return read(total)
    },
    async companyCount (company) {
      return read(() => countCompany.get(company)) ?? 0
    },
    async stats (limits) {
      return read(() => stats(limits))
    },
    async countsBySource (sources) {
      const counts = Object.fromEntries(sources.map((source) => [source, 0]))
      for (const row of read(() => countSources.all(JSON.stringify(sources)))) counts[row.source] = row.count
      return counts
    },
    async viaShares () {
      return read(() => countShared.get()) ?? 0
    },
    async recount () {},
    async createEvent (event) {
      endSnapshot()
      return insertEvent.run(event.id, event.name, event.date, event.place, event.createdBy, event.createdAt).changes === 1
    },
    async getEvent (id) {
      const row = read(() => selectEvent.get(id))
      return row === undefined ? null : toEvent(row)
    },
    async listEvents (limit) {
      return read(() => newestEvents.all(limit)).map(toEvent)
    },
    async putNews (report) {
      endSnapshot()
      upsertNews.run(report.id, report.source, report.title, report.date, report.link, report.updatedBy, report.updatedAt)
    },
    async removeNews (id) {
      endSnapshot()
      return deleteNews.run(id).changes === 1
    },
    async listNews (limit) {
      return read(() => newestNews.all(limit)).map((row) => ({
        id: row.id, source: row.source, title: row.title, date: row.date, link: row.link, updatedBy: row.updated_by, updatedAt: row.updated_at,
      }))
    },
    async setHidden (company, mark) {
      endSnapshot()
      if (mark === null) deleteHidden.run(company)
      else upsertHidden.run(company, mark.hiddenBy, mark.hiddenAt)
    },
    async listHidden (limit) {
      return read(() => newestHidden.all(limit)).map((row) => ({ company: row.company, hiddenBy: row.hidden_by, hiddenAt: row.hidden_at }))
    },
    async audit () {
      return read(audit)
    },
    async close () {
      flush()
      await stopCheckpointer()
      endSnapshot()
      if (db.open) db.close()
    },
  }
}

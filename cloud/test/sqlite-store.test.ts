/** @jest-environment node */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as esbuild from 'esbuild'
import type { NewPledge } from '../core/store'
import { openSqliteStore } from '../core/stores/sqlite'

const root = path.resolve(__dirname, '../..')

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
})

function tempFile (): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-sqlite-'))
  tempDirs.push(dir)
  return path.join(dir, 'pledge.db')
}

const at = '2024-09-01T00:00:00.000Z'
const pledge = (identity: string, extra: Partial<NewPledge> = {}): NewPledge => ({
  identity, company: null, source: null, pledgedAt: at, ...extra,
})

/** The schema the store wrote before the count tables (pledges, meta, events and the per-name indexes). */
const BEFORE_COUNTS = `
  CREATE TABLE pledges (identity TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, company TEXT, source TEXT, pledged_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX pledges_company ON pledges (company) WHERE company IS NOT NULL;
  CREATE INDEX pledges_source ON pledges (source) WHERE source IS NOT NULL;
  CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1), total INTEGER NOT NULL, next_number INTEGER NOT NULL);
  CREATE TABLE events (id TEXT PRIMARY KEY, name TEXT NOT NULL, date TEXT NOT NULL, place TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX events_newest ON events (created_at DESC, id);
`

type Statement = Database.Statement<unknown[]>
interface Executed { statement: Statement; args: unknown[] }

/** Every statement `act` executes on any better-sqlite3 connection, with its arguments. */
async function executedBy (act: () => Promise<unknown>): Promise<Executed[]> {
  const probe = new Database(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>
  probe.close()
  const executed: Executed[] = []
  const spies = (['run', 'get', 'all', 'iterate'] as const).map((method) => {
    const original = proto[method]
    return jest.spyOn(proto, method).mockImplementation(function (this: Statement, ...args: unknown[]) {
      executed.push({ statement: this, args })
      return original.apply(this, args)
    })
  })
  try {
    await act()
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
  return executed
}

describe('sqlite store specifics', () => {
  it('keeps pledges and counters across a reopen, and two handles on one file stay exact', async () => {
    const file = tempFile()
    const a = openSqliteStore(file)
    const b = openSqliteStore(file)
    for (let i = 0; i < 50; i += 1) {
      await (i % 2 === 0 ? a : b).sign(pledge(`id-${i % 30}`, { company: i % 3 === 0 ? '甲公司' : null, source: i % 4 === 0 ? 's:x' : null }))
    }
    await b.withdraw('id-0')
    expect(await a.audit()).toEqual({ rows: 29, counter: 29, drift: [] })
    expect(await a.companyCount('甲公司')).toBe(await b.companyCount('甲公司'))
    await a.close()
    await b.close()
    const reopened = openSqliteStore(file)
    expect(await reopened.audit()).toEqual({ rows: 29, counter: 29, drift: [] })
    expect((await reopened.sign(pledge('new'))).pledge.number).toBe(31)
    await reopened.close()
  })

  it('opens a database from before events, keeping its pledges and adding the events table', async () => {
    const file = tempFile()
    const old = new Database(file)
    old.exec(`
      CREATE TABLE pledges (identity TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, company TEXT, source TEXT, pledged_at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1), total INTEGER NOT NULL, next_number INTEGER NOT NULL);
      INSERT INTO pledges VALUES ('old', 1, NULL, 's:abc', '2024-08-01T00:00:00.000Z');
      INSERT INTO meta VALUES (1, 1, 2);
    `)
    old.close()
    const store = openSqliteStore(file)
    expect(await store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })
    expect(await store.viaShares()).toBe(1)
    const created = { id: 'abcd1234', name: '开放日', date: '2024-09-10', place: '北京', createdBy: 'organiser', createdAt: '2024-09-01T00:00:00.000Z' }
    expect(await store.createEvent(created)).toBe(true)
    expect(await store.listEvents(10)).toEqual([created])
    await store.close()
  })

  it('opens a database from before the count tables: fills them from the rows once, and drops the per-name indexes', async () => {
    const file = tempFile()
    const old = new Database(file)
    old.pragma('journal_mode = WAL')
    old.exec(BEFORE_COUNTS)
    const insert = old.prepare('INSERT INTO pledges VALUES (?, ?, ?, ?, ?)')
    const companies = ['甲公司', '乙公司', '丙公司', null]
    const sources = ['e:aaaa1111', 's:abc', 's:xyz', 'e:bbbb2222', null]
    old.transaction(() => {
      // Numbers with gaps, as withdrawals leave them.
      for (let i = 0; i < 1000; i += 1) insert.run(`old-${i}`, 2 * i + 1, companies[i % 4], sources[i % 5], at)
      old.prepare('INSERT INTO meta VALUES (1, 1000, 2001)').run()
    })()
    old.close()

    const store = openSqliteStore(file)
    expect(await store.audit()).toEqual({ rows: 1000, counter: 1000, drift: [] })
    expect(await store.stats({ companies: 10, sources: 10 })).toEqual({
      total: 1000,
      topCompanies: [{ company: '丙公司', count: 250 }, { company: '乙公司', count: 250 }, { company: '甲公司', count: 250 }],
      sources: [
        { source: 'e:aaaa1111', count: 200 }, { source: 'e:bbbb2222', count: 200 },
        { source: 's:abc', count: 200 }, { source: 's:xyz', count: 200 },
      ],
    })
    expect(await store.companyCount('乙公司')).toBe(250)
    expect(await store.countsBySource(['s:abc', 'e:cccc3333'])).toEqual({ 's:abc': 200, 'e:cccc3333': 0 })
    expect(await store.viaShares()).toBe(400)
    expect((await store.sign(pledge('new', { company: '甲公司', source: 's:abc' }))).pledge.number).toBe(2001)
    expect(await store.companyCount('甲公司')).toBe(251)
    await store.close()

    const look = new Database(file)
    const indexes = look.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'pledges' AND sql IS NOT NULL").pluck().all()
    expect(indexes).toEqual([])
    // Once: a count changed behind the store's back stays wrong on the next open, and audit says so.
    look.prepare("UPDATE company_counts SET count = 7 WHERE company = '乙公司'").run()
    look.prepare("DELETE FROM source_counts WHERE source = 'e:bbbb2222'").run()
    look.prepare('UPDATE meta SET via_shares = via_shares + 1').run()
    look.close()
    const reopened = openSqliteStore(file)
    expect((await reopened.audit()).drift).toEqual([
      'company 乙公司: 250 rows, kept 7',
      'source e:bbbb2222: 200 rows, kept 0',
      'via shares: 401 rows, kept 402',
    ])
    await reopened.close()
  })

  it('one batch of signs (repeats, companies, sources) numbers them in call order and counts every name per pledge', async () => {
    const store = openSqliteStore(tempFile())
    const outcomes = await Promise.all([
      pledge('a', { company: '甲公司', source: 's:x' }), pledge('b', { company: '甲公司' }), pledge('a', { company: '乙公司' }),
      pledge('c', { company: '乙公司', source: 's:x' }), pledge('d', { source: 'e:aaaa1111' }),
    ].map((p) => store.sign(p)))
    expect(outcomes.map((o) => [o.pledge.identity, o.pledge.number, o.pledge.company, o.created, o.total])).toEqual([
      ['a', 1, '甲公司', true, 1], ['b', 2, '甲公司', true, 2], ['a', 1, '甲公司', false, 2], ['c', 3, '乙公司', true, 3], ['d', 4, null, true, 4],
    ])
    expect(await store.stats({ companies: 10, sources: 10 })).toEqual({
      total: 4,
      topCompanies: [{ company: '甲公司', count: 2 }, { company: '乙公司', count: 1 }],
      sources: [{ source: 's:x', count: 2 }, { source: 'e:aaaa1111', count: 1 }],
    })
    expect(await store.viaShares()).toBe(2)
    expect(await store.audit()).toEqual({ rows: 4, counter: 4, drift: [] })
    await store.close()
  })

  it('a sign that fails in a batch fails alone: its neighbours are stored, numbered without a gap', async () => {
    const store = openSqliteStore(tempFile())
    const broken = { ...pledge('broken', { company: '甲公司' }), pledgedAt: null as unknown as string }
    const results = await Promise.allSettled([pledge('a', { company: '甲公司' }), broken, pledge('b', { company: '甲公司' })].map((p) => store.sign(p)))
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.pledge.number] : []))).toEqual([1, 2])
    expect(await store.companyCount('甲公司')).toBe(2)
    expect(await store.audit()).toEqual({ rows: 2, counter: 2, drift: [] })
    await store.close()
  })

  it('no request reads or writes by scanning pledges: stats walks the count indexes, counts are key lookups', async () => {
    const file = tempFile()
    const store = openSqliteStore(file)
    for (let i = 0; i < 30; i += 1) await store.sign(pledge(`p${i}`, { company: `公司${i % 4}`, source: i % 2 === 0 ? 's:abc' : 'e:aaaa1111' }))
    const executed = await executedBy(async () => {
      await Promise.all([
        store.sign(pledge('new', { company: '公司1', source: 's:abc' })), store.sign(pledge('p1')),
        store.get('p2'), store.get('nobody'), store.total(), store.companyCount('公司1'),
        store.stats({ companies: 10, sources: 20 }), store.countsBySource(['s:abc', 'e:none']), store.viaShares(),
      ])
      await store.withdraw('p3')
    })
    // The plans, from a second connection on the same file, with the arguments the store bound.
    const second = new Database(file, { readonly: true })
    const plans = executed.map(({ statement, args }) => ({
      sql: statement.source,
      plan: second.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(...args).map((row) => (row as { detail: string }).detail),
    }))
    second.close()
    await store.close()

    const details = plans.flatMap((p) => p.plan)
    // Not vacuous: the recorded statements are the store's reads.
    expect(details).toEqual(expect.arrayContaining([
      'SCAN company_counts USING COVERING INDEX company_counts_top',
      'SCAN source_counts USING COVERING INDEX source_counts_top',
      'SEARCH company_counts USING PRIMARY KEY (company=?)',
      'SEARCH source_counts USING PRIMARY KEY (source=?)',
    ]))
    const allowed = [
      'SCAN company_counts USING COVERING INDEX company_counts_top',
      'SCAN source_counts USING COVERING INDEX source_counts_top',
      'SEARCH pledges USING PRIMARY KEY (identity=?)',
    ]
    // A GROUP BY or count over pledges shows up as a SCAN, a pledges index or a TEMP B-TREE.
    const scanning = plans.flatMap(({ sql, plan }) => plan
      .filter((d) => /^SCAN |TEMP B-TREE|pledges/.test(d) && !allowed.includes(d) && !d.startsWith('SCAN json_each VIRTUAL TABLE'))
      .map((detail) => ({ sql, detail })))
    expect(scanning).toEqual([])
  })

  it('acknowledges on a connection with synchronous = FULL in WAL mode', async () => {
    const store = openSqliteStore(tempFile())
    const executed = await executedBy(() => store.sign(pledge('a')))
    const connections = [...new Set(executed.map(({ statement }) => statement.database))]
    expect(connections).toHaveLength(1)
    // 2 = FULL: SQLite fsyncs the WAL at every commit, before the sign resolves.
    expect(connections[0].pragma('synchronous', { simple: true })).toBe(2)
    expect(connections[0].pragma('journal_mode', { simple: true })).toBe('wal')
    await store.close()
  })

  it("reads of one turn share a snapshot: this store's writes show at once, another store's from the next turn", async () => {
    const file = tempFile()
    const a = openSqliteStore(file)
    const b = openSqliteStore(file)
    await b.sign(pledge('b1', { company: '甲公司' }))
    await a.sign(pledge('a1', { company: '甲公司' }))
    // Called in one turn: b's withdrawal commits between a's two reads.
    const [before, other, during] = await Promise.all([a.companyCount('甲公司'), b.withdraw('b1'), a.companyCount('甲公司')])
    expect([before, other.withdrawn, during]).toEqual([2, true, 2])
    await new Promise((resolve) => setImmediate(resolve))
    expect(await a.companyCount('甲公司')).toBe(1)
    // A write ends this store's snapshot first.
    const [mine, own, after] = await Promise.all([a.companyCount('甲公司'), a.withdraw('a1'), a.companyCount('甲公司')])
    expect([mine, own, after]).toEqual([1, { withdrawn: true, total: 0 }, 0])
    await a.close()
    await b.close()
  })

  it('in a process with nothing else to do, outstanding writes and close keep it alive, an idle store does not', async () => {
    const file = tempFile()
    const script = path.join(path.dirname(file), 'script.cjs')
    await esbuild.build({
      stdin: {
        contents: `
          import { openSqliteStore } from './sqlite'
          const [file, mode] = process.argv.slice(2)
          const store = openSqliteStore(file)
          if (mode === 'sign') {
            void store.sign({ identity: 'a', company: null, source: null, pledgedAt: '${at}' })
              .then((outcome) => { console.log(outcome.pledge.number); return store.close() })
              .then(() => console.log('closed'))
          }`,
        resolveDir: path.join(root, 'cloud/core/stores'),
        loader: 'ts',
      },
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      logLevel: 'silent',
    })
    const run = (mode: string) => spawnSync(process.execPath, [script, file, mode], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') }, encoding: 'utf8', timeout: 20_000,
    })
    expect(run('sign')).toMatchObject({ status: 0, stdout: '1\nclosed\n' })
    expect(run('idle')).toMatchObject({ status: 0, stdout: '' })
  })

  it('a background thread checkpoints the WAL into the database file (inline checkpoints are off)', async () => {
    const file = tempFile()
    const store = openSqliteStore(file, { checkpointIntervalMs: 10 })
    const before = fs.statSync(file).size
    await Promise.all(Array.from({ length: 3000 }, (_u, i) => store.sign(pledge(`w-${i}-${'x'.repeat(200)}`))))
    // 3,000 rows of ~250 bytes only reach the main file through a checkpoint.
    const deadline = Date.now() + 5000
    while (fs.statSync(file).size < before + 500_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(fs.statSync(file).size).toBeGreaterThan(before + 500_000)
    expect(await store.audit()).toEqual({ rows: 3000, counter: 3000, drift: [] })
    await store.close()
    await store.close()
  })
})

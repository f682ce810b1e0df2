/** @jest-environment node */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createCloudbaseStore, RETRY_ROUNDS, TOTAL_SHARDS, TRANSACTION_ATTEMPTS } from '../core/stores/cloudbase'
import { createMemoryStore } from '../core/stores/memory'
import { openSqliteStore } from '../core/stores/sqlite'
import { createFakeCloudDb } from './fake-cloud-db'
import { seededRandom } from './random'
import { describeStoreContract } from './store-contract'

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
})

describeStoreContract('memory', async () => createMemoryStore(), { burstConcurrency: 5000 })

describeStoreContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-sqlite-'))
  tempDirs.push(dir)
  return openSqliteStore(path.join(dir, 'pledge.db'))
}, { burstConcurrency: 5000 })

// Every sign writes counters/seq, so concurrent signs conflict and are retried; 8 in flight
// stands for 8 warm function instances.
describeStoreContract('cloudbase (fake db)', async () => createCloudbaseStore(createFakeCloudDb({ random: seededRandom(1) })), {
  burstConcurrency: 8,
})

describe('sqlite store specifics', () => {
  it('keeps pledges and counters across a reopen, and two handles on one file stay exact', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-sqlite-'))
    tempDirs.push(dir)
    const file = path.join(dir, 'pledge.db')
    const a = openSqliteStore(file)
    const b = openSqliteStore(file)
    const at = '2024-09-01T00:00:00.000Z'
    for (let i = 0; i < 50; i += 1) {
      await (i % 2 === 0 ? a : b).sign({ identity: `id-${i % 30}`, company: null, source: null, pledgedAt: at })
    }
    expect(await a.audit()).toEqual({ rows: 30, counter: 30 })
    await a.close()
    await b.close()
    const reopened = openSqliteStore(file)
    expect(await reopened.audit()).toEqual({ rows: 30, counter: 30 })
    expect((await reopened.sign({ identity: 'new', company: null, source: null, pledgedAt: at })).pledge.number).toBe(31)
    await reopened.close()
  })

  it('opens a database from before events, keeping its pledges and adding the events table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-sqlite-'))
    tempDirs.push(dir)
    const file = path.join(dir, 'pledge.db')
    const old = new Database(file)
    old.exec(`
      CREATE TABLE pledges (identity TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, company TEXT, source TEXT, pledged_at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1), total INTEGER NOT NULL, next_number INTEGER NOT NULL);
      INSERT INTO pledges VALUES ('old', 1, NULL, 's:abc', '2024-08-01T00:00:00.000Z');
      INSERT INTO meta VALUES (1, 1, 2);
    `)
    old.close()
    const store = openSqliteStore(file)
    expect(await store.audit()).toEqual({ rows: 1, counter: 1 })
    expect(await store.viaShares()).toBe(1)
    const created = { id: 'abcd1234', name: '开放日', date: '2024-09-10', place: '北京', createdBy: 'organiser', createdAt: '2024-09-01T00:00:00.000Z' }
    expect(await store.createEvent(created)).toBe(true)
    expect(await store.listEvents(10)).toEqual([created])
    await store.close()
  })

  it('a background thread checkpoints the WAL into the database file (inline checkpoints are off)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-sqlite-'))
    tempDirs.push(dir)
    const file = path.join(dir, 'pledge.db')
    const store = openSqliteStore(file, { checkpointIntervalMs: 10 })
    const before = fs.statSync(file).size
    await Promise.all(Array.from({ length: 3000 }, (_u, i) => store.sign({
      identity: `w-${i}-${'x'.repeat(200)}`, company: null, source: null, pledgedAt: '2024-09-01T00:00:00.000Z',
    })))
    // 3,000 rows of ~250 bytes only reach the main file through a checkpoint.
    const deadline = Date.now() + 5000
    while (fs.statSync(file).size < before + 500_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(fs.statSync(file).size).toBeGreaterThan(before + 500_000)
    expect(await store.audit()).toEqual({ rows: 3000, counter: 3000 })
    await store.close()
    await store.close()
  })
})

describe('cloudbase store specifics', () => {
  it('creates the sequence and every total shard once, spreads the total over shards, and audits them', async () => {
    const db = createFakeCloudDb({ random: seededRandom(2) })
    const store = createCloudbaseStore(db, { random: seededRandom(3) })
    const at = '2024-09-01T00:00:00.000Z'
    await Promise.all(Array.from({ length: 40 }, (_u, i) => store.sign({ identity: `o${i}`, company: null, source: null, pledgedAt: at })))
    const counters = db.dump('counters')
    expect(counters.map((d) => d._id).sort()).toEqual(['seq', ...Array.from({ length: TOTAL_SHARDS }, (_u, i) => `total-${i}`)].sort())
    expect(counters.find((d) => d._id === 'seq')?.value).toBe(40)
    const shards = counters.filter((d) => d.kind === 'total').map((d) => d.value as number)
    expect(shards.filter((v) => v > 0).length).toBeGreaterThan(1)
    expect(shards.reduce((a, b) => a + b, 0)).toBe(40)
    expect(db.stats.conflicts).toBeGreaterThan(0)
    expect(await store.audit()).toEqual({ rows: 40, counter: 40 })
    // A second store on the same db (a second function instance) must not reset the counters.
    const other = createCloudbaseStore(db)
    expect(await other.total()).toBe(40)
    expect(db.dump('pledges').find((d) => d._id === 'o0')).toMatchObject({ company: null, source: null, pledgedAt: at })
  })

  it('keeps an event as events/<id>; an add that fails with no doc behind it is an error, not "taken"', async () => {
    const db = createFakeCloudDb()
    const store = createCloudbaseStore(db)
    const event = { id: 'abcd1234', name: '开放日', date: '2024-09-10', place: '北京', createdBy: 'o-admin', createdAt: '2024-09-01T00:00:00.000Z' }
    expect(await store.createEvent(event)).toBe(true)
    expect(db.dump('events')).toEqual([{ _id: 'abcd1234', name: '开放日', date: '2024-09-10', place: '北京', createdBy: 'o-admin', createdAt: '2024-09-01T00:00:00.000Z' }])
    const collection = db.collection.bind(db)
    db.collection = (name) => ({ ...collection(name), add: async () => { throw new Error('collection events does not exist') } })
    await expect(store.createEvent({ ...event, id: 'zzzz9999' })).rejects.toThrow('does not exist')
  })

  it('gives up with an error, storing nothing, when conflicts outlast the retries', async () => {
    const db = createFakeCloudDb()
    const store = createCloudbaseStore(db)
    await store.total()
    const runTransaction = db.runTransaction.bind(db)
    let runs = 0
    db.runTransaction = (callback, times) => runTransaction(async (tx) => {
      runs += 1
      const result = await callback(tx)
      // Someone else commits the sequence after this transaction started, every time.
      await runTransaction(async (other) => other.collection('counters').doc('seq').update({ data: { value: db.command.inc(100) } }))
      return result
    }, times)
    await expect(store.sign({ identity: 'x', company: null, source: null, pledgedAt: '2024-09-01T00:00:00.000Z' }))
      .rejects.toThrow(/conflict/)
    expect(runs).toBe(TRANSACTION_ATTEMPTS * RETRY_ROUNDS)
    expect(db.dump('pledges')).toEqual([])
  })
})

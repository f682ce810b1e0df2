/** @jest-environment node */
/**
 * The CloudBase store on the fake database that answers as wx-server-sdk does: the store
 * contract, what the fake reproduces of the SDK, and the store's own choices (shards, retries on
 * both conflict shapes, no pledge scans on a request path, recount, per-OPENID limits).
 */
import { LIMITS } from '../core/protocol'
import { StoreBusyError } from '../core/store'
import type { NewPledge } from '../core/store'
import { createCloudbaseStore, isConflict, keyHash, RETRY_ROUNDS, SEQ_SHARDS } from '../core/stores/cloudbase'
import { createCloudbaseLimiter } from '../core/stores/cloudbase-limits'
import { CONFLICT_CODE, CONFLICT_MESSAGE, createFakeCloudDb } from './fake-cloud-db'
import type { SdkError } from './fake-cloud-db'
import { runConcurrently, seededRandom } from './random'
import { describeStoreContract } from './store-contract'

const noPause = async () => {}
const at = '2024-09-01T08:00:00.000Z'
const pledge = (identity: string, extra: Partial<NewPledge> = {}): NewPledge => ({ identity, company: null, source: null, pledgedAt: at, ...extra })

// 16 shards and 8 calls in flight (warm instances) so the contract's bursts really conflict.
describeStoreContract('cloudbase (faithful fake db)', async () => createCloudbaseStore(
  createFakeCloudDb({ random: seededRandom(1), config: { throwOnNotFound: false } }),
  { random: seededRandom(2), shards: 16, sleep: noPause },
), { burstConcurrency: 8, denseNumbers: false })

describe('the fake answers as wx-server-sdk 4.0.2 does', () => {
  it('a missing document: rejects with errCode -1 by default, data null with throwOnNotFound: false', async () => {
    const strict = createFakeCloudDb()
    await expect(strict.collection('pledges').doc('nobody').get()).rejects.toMatchObject({
      errCode: -1, errMsg: 'document.get:fail document with _id nobody does not exist',
    })
    const lenient = createFakeCloudDb({ config: { throwOnNotFound: false } })
    await expect(lenient.collection('pledges').doc('nobody').get()).resolves.toMatchObject({ data: null })
  })

  it('add on an existing _id rejects with a numeric errCode and E11000, without .code', async () => {
    const db = createFakeCloudDb()
    await db.collection('events').add({ data: { _id: 'a', name: 'x' } })
    const error = await db.collection('events').add({ data: { _id: 'a', name: 'y' } }).catch((e: SdkError) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ errCode: -502001 })
    expect((error as SdkError).errMsg).toMatch(/^collection\.add:fail -502001 .*E11000 duplicate key/)
    expect('code' in (error as object)).toBe(false)
    expect(db.dump('events')).toEqual([{ _id: 'a', name: 'x' }])
  })

  it('update of a missing document is updated: 0, not an error (upsert: false); set creates', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    expect(await db.collection('c').doc('x').update({ data: { n: db.command.inc(1) } })).toMatchObject({ stats: { updated: 0 } })
    await db.collection('c').doc('x').set({ data: { n: 1 } })
    expect(await db.collection('c').doc('x').update({ data: { n: db.command.inc(2) } })).toMatchObject({ stats: { updated: 1 } })
    expect(db.dump('c')).toEqual([{ _id: 'x', n: 3 }])
  })

  it('a conflict on an operation inside the callback: numeric errCode -501001, no .code, not re-run', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    await db.collection('c').doc('x').set({ data: { n: 0 } })
    let runs = 0
    const error = await db.runTransaction(async (tx) => {
      runs += 1
      await tx.collection('c').doc('x').get()
      await db.collection('c').doc('x').update({ data: { n: db.command.inc(1) } }) // someone else, outside
      await tx.collection('c').doc('x').update({ data: { n: 10 } })
    }, 5).catch((e: SdkError) => e)
    expect(runs).toBe(1)
    expect(error).toMatchObject({ errCode: -501001 })
    expect((error as SdkError).errMsg).toContain('TransactionConflict')
    expect((error as { code?: unknown }).code).toBeUndefined()
    expect(db.stats.operationConflicts).toBe(1)
    expect(db.dump('c')).toEqual([{ _id: 'x', n: 1 }])
  })

  it('a conflict at commit: re-run up to times + 1 runs, then the raw TCB object rejects', async () => {
    const db = createFakeCloudDb({ commitConflictRate: 1 })
    let runs = 0
    const error = await db.runTransaction(async (tx) => {
      runs += 1
      await tx.collection('c').doc('x').set({ data: { n: runs } })
    }, 2).catch((e: unknown) => e)
    expect(runs).toBe(3)
    expect(error).not.toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: CONFLICT_CODE, message: CONFLICT_MESSAGE })
    expect(db.dump('c')).toEqual([])
  })

  it('rollback(reason) rejects runTransaction with the reason and writes nothing', async () => {
    const db = createFakeCloudDb()
    await expect(db.runTransaction(async (tx) => {
      await tx.collection('c').doc('x').set({ data: { n: 1 } })
      await tx.rollback('changed my mind')
    })).rejects.toBe('changed my mind')
    expect(db.dump('c')).toEqual([])
  })

  it('a query returns 100 documents unless limited, limit stops at 1000, an aggregate 20 groups unless limited', async () => {
    const db = createFakeCloudDb()
    for (let i = 0; i < 130; i += 1) await db.collection('p').add({ data: { _id: `d${i}`, k: `k${i % 25}` } })
    expect((await db.collection('p').get()).data).toHaveLength(100)
    expect((await db.collection('p').limit(120).get()).data).toHaveLength(120)
    expect(() => db.collection('p').limit(1001)).toThrow(/unsupported limit/)
    const _ = db.command
    const grouped = await db.collection('p').aggregate().match({ k: _.neq(null) }).group({ _id: '$k', count: _.aggregate.sum(1) }).sort({ count: -1, _id: 1 }).end()
    expect(grouped.list).toHaveLength(20)
  })

  it('waits the configured latency on every request', async () => {
    const db = createFakeCloudDb({ latencyMs: { min: 20, max: 20 } })
    const started = performance.now()
    await db.runTransaction(async (tx) => { await tx.collection('c').doc('x').set({ data: { n: 1 } }) })
    // start, set, commit
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 20 - 5)
    expect(db.stats.requests).toBe(3)
  })
})

describe('cloudbase store', () => {
  it('recognises both conflict shapes and nothing else', () => {
    expect(isConflict({ code: CONFLICT_CODE, message: CONFLICT_MESSAGE })).toBe(true)
    expect(isConflict(Object.assign(new Error(`document.update:fail -501001 . ${CONFLICT_MESSAGE}`), { errCode: -501001, errMsg: `document.update:fail -501001 . ${CONFLICT_MESSAGE}` }))).toBe(true)
    expect(isConflict(Object.assign(new Error('document.get:fail -501001 . [InternalError]'), { errCode: -501001, errMsg: 'document.get:fail -501001 . [InternalError]' }))).toBe(false)
    expect(isConflict(new Error('transaction conflict'))).toBe(false)
    expect(isConflict('DATABASE_TRANSACTION_CONFLICT')).toBe(false)
  })

  it('hands out shard numbers (k + 1 + i·S), unique; no document is written by every sign', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const store = createCloudbaseStore(db, { random: seededRandom(3), shards: 4, sleep: noPause })
    const outcomes = await runConcurrently(Array.from({ length: 40 }, (_u, i) => () => store.sign(pledge(`o${i}`, { company: '甲公司' }))), 4)
    const numbers = outcomes.map((o) => o.pledge.number)
    expect(new Set(numbers).size).toBe(40)
    const seqs = db.dump('counters').filter((doc) => doc.kind === 'seq')
    expect(seqs.length).toBeGreaterThan(1)
    for (const seq of seqs) {
      const mine = db.dump('pledges').filter((doc) => doc.shard === seq.shard).map((doc) => doc.number as number).sort((a, b) => a - b)
      expect(mine).toEqual(Array.from({ length: seq.issued as number }, (_u, i) => (seq.shard as number) + 1 + i * 4))
    }
    expect(db.dump('tallies').filter((doc) => doc.kind === 'company').map((doc) => doc._id).sort())
      .toEqual(seqs.map((seq) => `company-${keyHash('甲公司')}-${String(seq.shard)}`).sort())
    expect(await store.companyCount('甲公司')).toBe(40)
    expect(db.stats.operationConflicts + db.stats.commitConflicts).toBeGreaterThan(0)
  })

  it('sign, status reads, stats and withdraw never query pledges by condition', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const store = createCloudbaseStore(db, { sleep: noPause })
    for (let i = 0; i < 30; i += 1) await store.sign(pledge(`o${i}`, { company: `公司${i % 3}`, source: i % 2 === 0 ? 's:abc' : 'e:abcd1234' }))
    await store.get('o1')
    await store.companyCount('公司1')
    await store.withdraw('o2')
    await store.recount()
    await store.stats({ companies: LIMITS.topCompanies, sources: LIMITS.topSources })
    await store.countsBySource(['e:abcd1234'])
    await store.viaShares()
    expect(db.stats.queries.pledges).toBeUndefined()
    expect(await store.audit()).toMatchObject({ rows: 29, counter: 29, drift: [] })
  })

  it('stats lists are as of the last recount; the total and a company count are exact at once', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const store = createCloudbaseStore(db, { sleep: noPause })
    await store.sign(pledge('a', { company: '甲公司' }))
    await store.recount()
    await store.sign(pledge('b', { company: '甲公司' }))
    expect(await store.stats({ companies: 5, sources: 0 })).toEqual({ total: 2, topCompanies: [{ company: '甲公司', count: 1 }], sources: [] })
    expect(await store.companyCount('甲公司')).toBe(2)
    await store.recount()
    expect((await store.stats({ companies: 5, sources: 0 })).topCompanies).toEqual([{ company: '甲公司', count: 2 }])
  })

  it('recount sees a tally a slow transaction stamped before the last run (overlap)', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    let clock = Date.parse('2024-09-01T08:00:00Z')
    const slow = createCloudbaseStore(db, { sleep: noPause, now: () => new Date(clock - 30_000) })
    const store = createCloudbaseStore(db, { sleep: noPause, now: () => new Date(clock) })
    await store.recount()
    clock += 20_000
    await slow.sign(pledge('late', { company: '乙公司' }))
    await store.recount()
    expect((await store.stats({ companies: 5, sources: 0 })).topCompanies).toEqual([{ company: '乙公司', count: 1 }])
  })

  it('conflicts in either shape are retried on a new shard with jittered, growing pauses, RETRY_ROUNDS at most', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const pauses: number[] = []
    const store = createCloudbaseStore(db, { random: seededRandom(4), sleep: async (ms) => { pauses.push(ms) } })
    const runTransaction = db.runTransaction.bind(db)
    let calls = 0
    db.runTransaction = async (callback, times) => {
      calls += 1
      if (calls === 1) throw Object.assign(new Error(`document.update:fail -501001 . ${CONFLICT_MESSAGE}`), { errCode: -501001, errMsg: CONFLICT_MESSAGE })
      if (calls === 2) throw { code: CONFLICT_CODE, message: CONFLICT_MESSAGE }
      return runTransaction(callback, times)
    }
    const outcome = await store.sign(pledge('x'))
    expect(outcome.created).toBe(true)
    expect(calls).toBe(3)
    expect(pauses).toHaveLength(2)
    expect(pauses[0]).toBeLessThanOrEqual(50)
    expect(pauses[1]).toBeLessThanOrEqual(100)
  })

  it('gives up with StoreBusyError after RETRY_ROUNDS, storing nothing; other errors are not retried', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false }, commitConflictRate: 1 })
    const store = createCloudbaseStore(db, { sleep: noPause })
    await expect(store.sign(pledge('x'))).rejects.toBeInstanceOf(StoreBusyError)
    expect(db.stats.commitConflicts).toBe(RETRY_ROUNDS * 2)
    expect(db.dump('pledges')).toEqual([])
    const broken = createFakeCloudDb({ config: { throwOnNotFound: false } })
    let runs = 0
    broken.runTransaction = async () => { runs += 1; throw new Error('network down') }
    await expect(createCloudbaseStore(broken, { sleep: noPause }).sign(pledge('y'))).rejects.toThrow('network down')
    expect(runs).toBe(1)
  })

  it('SEQ_SHARDS fits one query page, so a total is one read', () => {
    expect(SEQ_SHARDS).toBeLessThanOrEqual(1000)
    expect(() => createCloudbaseStore(createFakeCloudDb(), { shards: 1001 })).toThrow(/shards/)
  })
})

describe('per-OPENID limits on CloudBase', () => {
  const minute = new Date('2024-09-01T08:00:10Z')

  it(`allows ${LIMITS.callsPerMinute} calls a minute, refuses the next, and starts again the next minute`, async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const limiter = createCloudbaseLimiter(db)
    for (let i = 0; i < LIMITS.callsPerMinute; i += 1) expect(await limiter.take('o-a', 'call', minute)).toBe(true)
    expect(await limiter.take('o-a', 'call', minute)).toBe(false)
    expect(await limiter.take('o-b', 'call', minute)).toBe(true)
    expect(await limiter.take('o-a', 'call', new Date(minute.getTime() + 60_000))).toBe(true)
  })

  it('calls fired at once never get more than the limit through (a count read after others\' increments only errs towards refusing)', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const limiter = createCloudbaseLimiter(db)
    const answers = await Promise.all(Array.from({ length: LIMITS.callsPerMinute * 2 }, () => limiter.take('o-a', 'call', minute)))
    expect(answers.filter(Boolean).length).toBeLessThanOrEqual(LIMITS.callsPerMinute)
    expect(answers.filter(Boolean).length).toBeGreaterThan(0)
    expect(db.dump('limits')).toEqual([expect.objectContaining({ count: LIMITS.callsPerMinute * 2 })])
  })

  it(`allows ${LIMITS.withdrawalsPerDay} withdrawals a China day; the day turns at 00:00 UTC+8`, async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const limiter = createCloudbaseLimiter(db)
    const evening = new Date('2024-09-01T15:59:00Z') // 23:59 in Beijing
    for (let i = 0; i < LIMITS.withdrawalsPerDay; i += 1) expect(await limiter.take('o-a', 'withdraw', evening)).toBe(true)
    expect(await limiter.take('o-a', 'withdraw', evening)).toBe(false)
    expect(await limiter.take('o-a', 'withdraw', new Date('2024-09-01T16:00:00Z'))).toBe(true)
  })

  it('sweep removes ended windows only', async () => {
    const db = createFakeCloudDb({ config: { throwOnNotFound: false } })
    const limiter = createCloudbaseLimiter(db)
    await limiter.take('o-a', 'call', minute)
    await limiter.take('o-a', 'withdraw', minute)
    await limiter.sweep(new Date(minute.getTime() + 120_000))
    expect(db.dump('limits').map((doc) => String(doc._id).split('-')[0])).toEqual(['withdraw'])
  })
})

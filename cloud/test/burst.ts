/**
 * An event burst against the deployed function as built (cloud/functions/pledge/index.js), with
 * wx-server-sdk answered by the faithful fake database: first-time signs from distinct OPENIDs
 * arriving at random within a window, some of them withdrawn again, then one run of the timer
 * trigger. Used by cloud/test/burst.test.ts (200 signs, in `npm test`) and bench/burst.mjs
 * (`npm run bench:burst`, 1,000 signs).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ErrorCode, PUBLIC_STATS } from '../core/protocol'
import type { PublicStats, SignResult } from '../core/protocol'
import { createCloudbaseStore } from '../core/stores/cloudbase'
import type { StoreAudit } from '../core/store'
import { createFakeCloudDb } from './fake-cloud-db'
import type { FakeCloudDb, FakeCloudDbStats } from './fake-cloud-db'
import { seededRandom } from './random'

export interface BurstOptions {
  signs: number
  withdraws: number
  /** Signs arrive uniformly at random within this window, ms. */
  windowMs: number
  /** Per database request, ms. */
  latencyMs: { min: number; max: number }
  seed?: number
  /** The built function; default cloud/functions/pledge/index.js beside this file. */
  file?: string
}

export interface BurstResult {
  /** Calls whose reply was not code 0, with that reply. */
  failures: Array<{ action: string; code: number; message: string }>
  signMs: number[]
  withdrawMs: number[]
  numbers: number[]
  audit: StoreAudit
  /** The public document after the timer ran. */
  published: PublicStats
  /** Company counts the document lists, against the company counts of the stored rows. */
  publishedCompanies: Array<{ company: string; count: number }>
  storedCompanies: Array<{ company: string; count: number }>
  db: FakeCloudDbStats
}

const FUNCTION = path.resolve(__dirname, '../functions/pledge/index.js')
const EVENT_ID = 'burst001'
/** One large unit most of the room works for, a few smaller ones, and people who name none. */
const COMPANIES = ['中国质量示范集团', '华东精密制造有限公司', '京华检测认证中心', '南方电网质量部']

type Main = (event: unknown) => Promise<{ code: number; message: string; data: unknown }>

/** Loads index.js afresh with `wx-server-sdk` resolved to a fake over `db`: one function instance. */
function loadFunction (file: string, db: FakeCloudDb, context: AsyncLocalStorage<{ OPENID: string }>, latency: () => Promise<void>): Main {
  const sdk = {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: () => undefined,
    getWXContext: () => ({ OPENID: context.getStore()?.OPENID, APPID: 'wx-burst' }),
    database: () => db,
    openapi: {
      security: { msgSecCheck: async () => { await latency(); return { errCode: 0, result: { suggest: 'pass', label: 100 } } } },
      wxacode: { getUnlimited: async () => { throw new Error('not used in a burst') } },
    },
    uploadFile: async () => { throw new Error('not used in a burst') },
  }
  const module = { exports: {} as { main?: Main } }
  const resolveFromFunction = createRequire(file)
  const load = (id: string): unknown => (id === 'wx-server-sdk' ? sdk : resolveFromFunction(id))
  // The built bundle, run as CommonJS with a require that answers wx-server-sdk with the fake.
  new Function('require', 'module', 'exports', fs.readFileSync(file, 'utf8'))(load, module, module.exports)
  if (typeof module.exports.main !== 'function') throw new Error(`${file} exports no main`)
  return module.exports.main
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function runBurst (options: BurstOptions): Promise<BurstResult> {
  const random = seededRandom(options.seed ?? 20240901)
  const { min, max } = options.latencyMs
  const db = createFakeCloudDb({ latencyMs: options.latencyMs, random: seededRandom((options.seed ?? 20240901) + 1), config: { throwOnNotFound: false } })
  const context = new AsyncLocalStorage<{ OPENID: string }>()
  const main = loadFunction(options.file ?? FUNCTION, db, context, () => sleep(min + random() * (max - min)))
  const call = (openid: string, event: unknown) => context.run({ OPENID: openid }, () => main(event))

  await db.collection('events').add({
    data: { _id: EVENT_ID, name: '质量月开幕活动', date: '2024-09-01', place: '北京', createdBy: 'o-organiser', createdAt: '2024-08-20T00:00:00.000Z' },
  })

  const failures: BurstResult['failures'] = []
  const signMs: number[] = []
  const withdrawMs: number[] = []
  const numbers: number[] = []
  const withdrawing = new Set<number>()
  while (withdrawing.size < options.withdraws) withdrawing.add(Math.floor(random() * options.signs))

  const timed = async (action: string, openid: string, event: unknown, into: number[]) => {
    const started = performance.now()
    const reply = await call(openid, event)
    into.push(performance.now() - started)
    if (reply.code !== ErrorCode.OK) failures.push({ action, code: reply.code, message: reply.message })
    return reply
  }

  await Promise.all(Array.from({ length: options.signs }, async (_unused, i) => {
    const pick = random()
    const company = pick < 0.6 ? COMPANIES[0] : pick < 0.8 ? COMPANIES[1 + Math.floor(random() * 3)] : undefined
    const source = random() < 0.7 ? `e:${EVENT_ID}` : undefined
    await sleep(random() * options.windowMs)
    const openid = `o-burst-${String(i).padStart(5, '0')}`
    const reply = await timed('sign', openid, { action: 'sign', ...(company ? { company } : {}), ...(source ? { source } : {}) }, signMs)
    if (reply.code === ErrorCode.OK) numbers.push((reply.data as SignResult).pledge.number)
    if (withdrawing.has(i)) await timed('withdraw', openid, { action: 'withdraw' }, withdrawMs)
  }))

  // The timer trigger: no OPENID, a Timer event.
  const timer = await context.run({ OPENID: '' }, () => main({ Type: 'Timer', TriggerName: 'recount', Time: new Date().toISOString() }))
  if (timer.code !== ErrorCode.OK) failures.push({ action: 'timer', code: timer.code, message: timer.message })
  const audit = await createCloudbaseStore(db).audit()
  const published = db.dump(PUBLIC_STATS.collection).find((doc) => doc._id === PUBLIC_STATS.doc) as unknown as PublicStats
  const stored = new Map<string, number>()
  for (const doc of db.dump('pledges')) {
    if (typeof doc.company === 'string') stored.set(doc.company, (stored.get(doc.company) ?? 0) + 1)
  }
  const storedCompanies = [...stored].map(([company, count]) => ({ company, count }))
    .sort((a, b) => b.count - a.count || (a.company < b.company ? -1 : 1))
  return {
    failures, signMs, withdrawMs, numbers, audit, published,
    publishedCompanies: published.topCompanies, storedCompanies, db: db.stats,
  }
}

/** The floor a burst is measured against: the same signs one at a time, on the same latency. */
export async function signOneAtATime (options: { signs: number; latencyMs: { min: number; max: number }; file?: string; seed?: number }): Promise<number[]> {
  const random = seededRandom(options.seed ?? 7)
  const { min, max } = options.latencyMs
  const db = createFakeCloudDb({ latencyMs: options.latencyMs, random, config: { throwOnNotFound: false } })
  const context = new AsyncLocalStorage<{ OPENID: string }>()
  const main = loadFunction(options.file ?? FUNCTION, db, context, () => sleep(min + random() * (max - min)))
  const times: number[] = []
  for (let i = 0; i < options.signs; i += 1) {
    const started = performance.now()
    const reply = await context.run({ OPENID: `o-floor-${i}` }, () => main({ action: 'sign', company: COMPANIES[0] }))
    if (reply.code !== ErrorCode.OK) throw new Error(`floor sign failed: ${reply.message}`)
    times.push(performance.now() - started)
  }
  return times
}

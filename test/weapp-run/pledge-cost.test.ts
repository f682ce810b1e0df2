/**
 * What an open 承诺 page costs in dist/weapp (see harness.ts): function calls recorded by the wx
 * fake, public counts read with the database API, over simulated minutes (Jest's fake clock, which
 * also moves with real time so the simulator's own timers run).
 */
import { BUSY_MESSAGE } from '../../cloud/core/handle'
import { ErrorCode, PUBLIC_STATS_TIMING } from '../../cloud/core/protocol'
import { appPerTest } from './harness'
import type { WeappApp } from './harness'

const PLEDGE = 'pages/pledge/index'
const HOME = 'pages/index/index'
const MINUTE = 60_000

const start = appPerTest()

const actions = (app: WeappApp) => app.fake.record.cloudCalls.map((call) => (call.data as { action: string }).action)

/** Runs simulated time in one-second steps. */
async function runFor (ms: number) {
  for (let elapsed = 0; elapsed < ms; elapsed += 1000) await jest.advanceTimersByTimeAsync(1000)
}

describe('an open pledge page', () => {
  beforeEach(() => { jest.useFakeTimers({ advanceTimers: true, doNotFake: ['queueMicrotask', 'nextTick'] }) })
  afterEach(() => { jest.useRealTimers() })

  test('3 minutes shown: at most 3 function calls, the public counts read at least every PUBLIC_STATS_TIMING.readEveryMs; hidden: nothing', async () => {
    const { app, page } = await start({ path: PLEDGE, openid: 'o-viewer' })
    await page.waitForText('已有 0 人承诺')
    const shownAt = Date.now()

    // Others pledge while the page is open: the count follows from the public document alone.
    await app.deps.store.sign({ identity: 'o-other', company: null, source: null, pledgedAt: new Date().toISOString() })
    await runFor(3 * MINUTE)
    expect(page.text()).toContain('已有 1 人承诺')

    expect(app.fake.record.cloudCalls.length).toBeLessThanOrEqual(3)
    expect(actions(app).filter((action) => action === 'status')).toHaveLength(1)
    const reads = app.fake.record.databaseReads
    expect(reads.every((read) => read.collection === 'public' && read.doc === 'stats')).toBe(true)
    // From the status reply on, never longer than one read period without a fresh count.
    const times = [shownAt, ...reads.map((read) => read.at), Date.now()]
    const gaps = times.slice(1).map((at, i) => at - times[i])
    expect(Math.max(...gaps)).toBeLessThanOrEqual(PUBLIC_STATS_TIMING.readEveryMs)

    // Another tab: the pledge page is hidden and reads nothing at all.
    await app.fake.wx.switchTab({ url: `/${HOME}` })
    await app.waitForPage(HOME)
    const seen = { calls: app.fake.record.cloudCalls.length, reads: reads.length }
    await runFor(3 * MINUTE)
    expect({ calls: app.fake.record.cloudCalls.length, reads: reads.length }).toEqual(seen)

    // Back after more than a minute: one status call, and the count is current.
    await app.deps.store.sign({ identity: 'o-third', company: null, source: null, pledgedAt: new Date().toISOString() })
    await app.fake.wx.switchTab({ url: `/${PLEDGE}` })
    const back = await app.waitForPage(PLEDGE)
    await back.waitForText('已有 2 人承诺')
    expect(actions(app).filter((action) => action === 'status')).toHaveLength(2)
  })
})

describe('a sign answered BUSY', () => {
  const busy = { code: ErrorCode.BUSY, message: BUSY_MESSAGE, data: null }

  test('is sent once more by itself, the same sign, and the pledge is stored', async () => {
    const { app, page } = await start({ path: PLEDGE, openid: 'o-busy' })
    await page.waitForText('我承诺')
    await page.input('#pledge-company', '示范企业')
    app.answerOnce('sign', busy)
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1', 3000)
    const signs = app.fake.record.cloudCalls.filter((call) => (call.data as { action: string }).action === 'sign')
    expect(signs.map((call) => call.data)).toEqual([
      { action: 'sign', company: '示范企业' },
      { action: 'sign', company: '示范企业' },
    ])
    expect(page.text()).not.toContain(BUSY_MESSAGE)
    expect(await app.deps.store.get('o-busy')).toMatchObject({ company: '示范企业' })
  })

  test('BUSY twice: the message, the button again, the company still typed; nothing more is sent', async () => {
    const { app, page } = await start({ path: PLEDGE, openid: 'o-busy' })
    await page.waitForText('我承诺')
    await page.input('#pledge-company', '示范企业')
    app.answerOnce('sign', busy)
    app.answerOnce('sign', busy)
    await page.tap('#pledge-button')
    await page.waitForText(BUSY_MESSAGE, 3000)
    expect(page.find('#pledge-button')).not.toBeNull()
    expect(page.attr('#pledge-company', 'value')).toBe('示范企业')
    // Longer than any retry wait (BUSY_RETRY_MS): no third sign goes out by itself.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(actions(app).filter((action) => action === 'sign')).toHaveLength(2)
    expect(await app.deps.store.get('o-busy')).toBeNull()
  })
})

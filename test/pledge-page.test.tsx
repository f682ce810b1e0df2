import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { safeExecute } from '@tarojs/runtime'
import { BUSY_MESSAGE } from '../cloud/core/handle'
import { ErrorCode } from '../cloud/core/protocol'
import type { PublicStats } from '../cloud/core/protocol'
import { takePublicStats } from '../cloud/core/public-stats'
import { sharerScene } from '../cloud/core/sharer'
import { allSections, proposal, toHant } from '@/content'
import PledgePage from '@/pages/pledge'
import { RESULT_SETTLE_MS } from '@/pages/pledge/pledge-result'
import { TOTAL_REFRESH_MS } from '@/pages/pledge/use-live-total'
import { STATUS_MIN_INTERVAL_MS } from '@/pages/pledge/use-pledge'
import { MOMENTS_SINGLE_PAGE_SCENE } from '@/services/moments'
import { readArrival, rememberArrival } from '@/services/attribution'
import { readMyPledge } from '@/services/my-pledge'
import { confirm } from '@/services/feedback'
import { ROUTES } from '@/services/navigation'
import * as launch from '@/services/launch'
import { readCompany, readPending } from '@/services/pledge-draft'
import { saveScript } from '@/services/preferences'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

// Toasts, buzz and the confirm dialog are the platform's UI; the dialog's answer is the test's.
jest.mock('@/services/feedback', () => ({
  toast: jest.fn(async () => undefined),
  buzz: jest.fn(async () => undefined),
  confirm: jest.fn(async () => true),
}))

function setOnline (online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
}

async function openPage () {
  const view = renderPage(PledgePage, { path: ROUTES.pledge })
  await act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
  // The card renders before the data, its count “—” until the state has loaded.
  await waitFor(() => expect(document.getElementById('pledge-count')?.textContent).toMatch(/^\d+$/))
  return view
}

/**
 * serveFunction's function, plus the local runner's GET /api/public/stats: by default the counts of
 * the same store taken at the read; `answer` replaces that (an old document, a failure).
 */
function serveWithPublicStats () {
  const served = serveFunction()
  const callFunction = global.fetch
  /** Date.now() at each public read. */
  const reads: number[] = []
  const answer = {
    current: async (): Promise<{ status: number; body: unknown }> => ({ status: 200, body: await takePublicStats(served.deps.store, new Date()) }),
  }
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    if (url !== '/api/public/stats') return callFunction(url, init)
    reads.push(Date.now())
    const { status, body } = await answer.current()
    return { status, json: async () => body }
  }) as unknown as typeof fetch
  return { ...served, reads, answer }
}

/** Runs the page's timers for `ms` of simulated time (fake timers on). */
const advance = (ms: number) => act(async () => { await jest.advanceTimersByTimeAsync(ms) })
const show = () => act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
const hide = () => act(async () => { safeExecute(ROUTES.pledge, 'onHide') })
const publicDoc = (total: number, updatedAt: Date): PublicStats => ({ total, topCompanies: [], sources: [], updatedAt: updatedAt.toISOString() })

const count = () => document.getElementById('pledge-count')?.textContent
/** The button reads as committing to the items above it. */
const BUTTON = '我承诺践行以上倡议'
const button = () => screen.getByText(BUTTON)
/** Taro's Input renders its <input> asynchronously (a web component). */
const companyInput = () => waitFor(() => {
  const input = document.querySelector<HTMLInputElement>('#pledge-company input, input#pledge-company')
  if (input === null) throw new Error('company input not rendered yet')
  return input
})

beforeEach(() => {
  localStorage.clear()
  setOnline(true)
  jest.mocked(confirm).mockResolvedValue(true)
})

test('shows the exact total, signs with one tap and shows my number', async () => {
  const { deps } = serveFunction()
  await deps.store.sign({ identity: 'someone-else', company: null, source: null, pledgedAt: new Date().toISOString() })
  await openPage()
  expect(count()).toBe('1')
  fireEvent.click(button())
  await screen.findByText('承诺编号 No.2')
  expect(count()).toBe('2')
  expect(screen.queryByText(BUTTON)).toBeNull()
  expect(await deps.store.audit()).toEqual({ rows: 2, counter: 2, drift: [] })
})

test('the typed company is remembered, stored with the pledge and counted', async () => {
  serveFunction()
  await openPage()
  fireEvent.input(await companyInput(), { target: { value: '示范企业' } })
  expect(readCompany()).toBe('示范企业')
  fireEvent.click(button())
  await screen.findByText('「示范企业」已有 1 人承诺')
})

test('a rejected company shows the server message, is not retried and keeps the input', async () => {
  const { deps, calls } = serveFunction()
  await openPage()
  fireEvent.input(await companyInput(), { target: { value: '！！！' } })
  fireEvent.click(button())
  await screen.findByText('单位名称需要包含文字或数字')
  expect((await companyInput()).value).toBe('！！！')
  expect(calls.filter((action) => action === 'sign')).toHaveLength(1)
  expect(await deps.store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })
})

test('offline: the tap is queued, shown as pending, and sent once the connection is back', async () => {
  const { calls } = serveFunction()
  await openPage()
  setOnline(false)
  fireEvent.click(button())
  await screen.findByText('已记录，联网后自动提交')
  // Its own calm style, not NutUI's disabled one (a second pale-red box behind the words).
  expect(document.getElementById('pledge-button')?.className).toContain('pledge-form__button--waiting')
  expect(readPending()).not.toBeNull()
  expect(calls).not.toContain('sign')
  setOnline(true)
  await act(async () => { window.dispatchEvent(new Event('online')) })
  await screen.findByText('承诺编号 No.1')
  expect(calls.filter((action) => action === 'sign')).toHaveLength(1)
  expect(readPending()).toBeNull()
})

test('withdraw asks first; cancelling changes nothing, confirming deletes the pledge', async () => {
  const { deps } = serveFunction()
  await openPage()
  fireEvent.click(button())
  await screen.findByText('承诺编号 No.1')

  jest.mocked(confirm).mockResolvedValueOnce(false)
  fireEvent.click(screen.getByText('撤回承诺'))
  await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1))
  expect(await deps.store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })

  fireEvent.click(screen.getByText('撤回承诺'))
  await screen.findByText(BUTTON)
  expect(count()).toBe('0')
  expect(await deps.store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })
})

test('a failed first load shows 重试, which loads again', async () => {
  serveFunction()
  const realFetch = global.fetch
  global.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
  try {
    renderPage(PledgePage, { path: ROUTES.pledge })
    await act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
    await act(async () => { await jest.advanceTimersByTimeAsync(2000) })
  } finally {
    jest.useRealTimers()
  }
  await screen.findByText('网络不给力，请检查网络后重试')
  global.fetch = realFetch
  fireEvent.click(screen.getByText('重试'))
  await waitFor(() => expect(count()).toBe('0'))
})

test('shares the pledge page with a title naming the proposal', async () => {
  serveFunction()
  await openPage()
  const share = safeExecute(ROUTES.pledge, 'onShareAppMessage', { from: 'menu' })
  expect(share).toMatchObject({ path: ROUTES.pledge })
  expect(share.title).toContain('企业质量诚信倡议书')
})

test('opened from Moments (single-page mode) it says to open the mini-program, with no pledge button', async () => {
  const { calls } = serveFunction()
  const scene = jest.spyOn(launch, 'launchScene').mockReturnValue(MOMENTS_SINGLE_PAGE_SCENE)
  try {
    renderPage(PledgePage, { path: ROUTES.pledge })
    await act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
    await screen.findByText('前往小程序参与承诺')
    expect(screen.queryByText(BUTTON)).toBeNull()
    expect(calls).toEqual([])
  } finally {
    scene.mockRestore()
  }
})

describe('what a pledge commits to', () => {
  const items = () => [...document.querySelectorAll('.pledge-items__item')].map((item) => item.textContent)

  test('under the proposal\'s title, its six headed items in its own words, 企业界 three and 全社会 three; the button commits to them', async () => {
    serveFunction()
    await openPage()
    expect(items()).toEqual(allSections().map((section) => section.heading))
    expect([...document.querySelectorAll('.pledge-items__group')].map((group) => [
      group.querySelector('.pledge-items__group-name')?.textContent,
      group.querySelectorAll('.pledge-items__item').length,
    ])).toEqual([['企业界', 3], ['全社会', 3]])
    const title = screen.getByRole('heading', { level: 1 })
    expect(title.textContent).toBe(proposal.title)
    expect(title.compareDocumentPosition(document.getElementById('pledge-items')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(document.getElementById('pledge-items')!.compareDocumentPosition(button()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  test('in 繁體 the items are the document\'s 繁體 text', async () => {
    saveScript('hant')
    serveFunction()
    await openPage()
    expect(items()).toEqual(allSections().map((section) => toHant(section.heading)))
  })

  test('the items are there before the state has loaded', async () => {
    serveFunction()
    renderPage(PledgePage, { path: ROUTES.pledge })
    expect(items()).toHaveLength(6)
    expect(count()).toBe('—')
    await act(async () => { safeExecute(ROUTES.pledge, 'onShow') })
  })
})

describe('单位榜', () => {
  const rows = () => [...document.querySelectorAll('.pledge-board__row')].map((row) => [...row.children].map((cell) => cell.textContent))
  const sign = (store: ReturnType<typeof serveFunction>['deps']['store'], identity: string, company: string) =>
    store.sign({ identity, company, source: null, pledgedAt: new Date().toISOString() })

  test('the public counts\' top units, most pledges first; equal counts share a place', async () => {
    const { deps } = serveWithPublicStats()
    for (const [identity, company] of [['a', '甲单位'], ['b', '甲单位'], ['c', '甲单位'], ['d', '乙单位'], ['e', '乙单位'], ['f', '丙单位'], ['g', '丙单位']]) {
      await sign(deps.store, identity, company)
    }
    await openPage()
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(rows()[0]).toEqual(['1', '甲单位', '3 人'])
    expect(rows().slice(1).map(([place, , people]) => [place, people])).toEqual([['2', '2 人'], ['2', '2 人']])
    expect(rows().slice(1).map(([, name]) => name).sort()).toEqual(['丙单位', '乙单位'])
    expect(document.getElementById('pledge-board-empty')).toBeNull()
  })

  test('no unit yet: a friendly empty board that says how a unit gets on it', async () => {
    serveWithPublicStats()
    await openPage()
    await waitFor(() => expect(document.getElementById('pledge-board-empty')?.textContent).toContain('承诺时填写单位名称'))
    expect(rows()).toEqual([])
  })

  test('the board follows the public counts while the page is shown', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
    try {
      const { deps } = serveWithPublicStats()
      renderPage(PledgePage, { path: ROUTES.pledge })
      await show()
      await advance(0)
      expect(rows()).toEqual([])
      await sign(deps.store, 'a', '甲单位')
      await advance(TOTAL_REFRESH_MS)
      expect(rows()).toEqual([['1', '甲单位', '1 人']])
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('what my pledge is, remembered for 首页 and 倡议书', () => {
  test('status, sign and withdraw each leave what the function said', async () => {
    serveFunction()
    expect(readMyPledge()).toBeNull()
    await openPage()
    expect(readMyPledge()).toEqual({ signed: false })
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    expect(readMyPledge()).toEqual({ signed: true, number: 1 })
    fireEvent.click(screen.getByText('撤回承诺'))
    await screen.findByText(BUTTON)
    expect(readMyPledge()).toEqual({ signed: false })
  })

  test('a pledge made elsewhere is learnt from status', async () => {
    const { deps } = serveFunction()
    await deps.store.sign({ identity: 'browser-1', company: null, source: null, pledgedAt: new Date().toISOString() })
    await openPage()
    await screen.findByText('承诺编号 No.1')
    expect(readMyPledge()).toEqual({ signed: true, number: 1 })
  })
})

test('the result appears where 我承诺 was: a cover takes taps for RESULT_SETTLE_MS, longer while they keep coming', async () => {
  serveFunction()
  await openPage()
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
  try {
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    const cover = () => document.getElementById('pledge-result-cover')
    expect(cover()).not.toBeNull()
    await advance(RESULT_SETTLE_MS - 100)
    fireEvent.click(cover()!)
    await advance(RESULT_SETTLE_MS - 100)
    expect(cover()).not.toBeNull()
    await advance(100)
    expect(cover()).toBeNull()
  } finally {
    jest.useRealTimers()
  }
})

describe('arriving through a code or a link', () => {
  const event = { id: 'a1b2c3d4', name: '质量月开放日', date: '2024-09-23', place: '北京', createdBy: 'organiser', createdAt: '2024-09-01T00:00:00.000Z' }

  test('an event code shows the event above the button and the pledge counts for it', async () => {
    const { deps } = serveFunction()
    await deps.store.createEvent(event)
    rememberArrival('e%3Aa1b2c3d4')
    await openPage()
    await screen.findByText('质量月开放日')
    expect(screen.getByText('2024年9月23日 · 北京')).toBeTruthy()
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    expect((await deps.store.get('browser-1'))?.source).toBe('e:a1b2c3d4')
    // Credited once: the arrival is spent.
    expect(readArrival()).toBeNull()
  })

  test('the event is looked up once, not on every show (each lookup is a function call)', async () => {
    const { deps, calls } = serveFunction()
    await deps.store.createEvent(event)
    rememberArrival('e%3Aa1b2c3d4')
    await openPage()
    await screen.findByText('质量月开放日')
    await hide()
    await show()
    expect(screen.getByText('质量月开放日')).toBeTruthy()
    expect(calls.filter((action) => action === 'getEvent')).toHaveLength(1)
  })

  test('an unknown event shows nothing and credits nothing, without an error', async () => {
    const { deps } = serveFunction()
    rememberArrival('e:zzzzzzzz')
    await openPage()
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    expect(screen.queryByText('来自活动')).toBeNull()
    expect(document.getElementById('pledge-error')).toBeNull()
    expect((await deps.store.get('browser-1'))?.source).toBeNull()
  })

  test('with its count when the function gives one; none when it does not', async () => {
    const { deps } = serveFunction()
    await deps.store.createEvent(event)
    const answer = global.fetch
    let count: number | undefined = 12
    global.fetch = jest.fn(async (url: string, init: { body: string }) => {
      const reply = await (await (answer as unknown as (u: string, i: unknown) => Promise<{ json: () => Promise<{ data: { event?: object } | null }> }>)(url, init)).json()
      if (JSON.parse(init.body).action === 'getEvent' && reply.data?.event) reply.data.event = { ...reply.data.event, count }
      return { status: 200, json: async () => reply }
    }) as unknown as typeof fetch
    rememberArrival('e:a1b2c3d4')
    const view = await openPage()
    await waitFor(() => expect(document.getElementById('pledge-event-count')?.textContent).toBe('本活动已有 12 人承诺'))
    view.unmount()

    count = undefined
    await openPage()
    await screen.findByText('质量月开放日')
    expect(document.getElementById('pledge-event-count')).toBeNull()
  })

  test('a friend\'s link says so in the card until the pledge is made', async () => {
    serveFunction()
    rememberArrival('s%3AILHnmVRMlN')
    await openPage()
    expect(document.getElementById('pledge-friend')?.textContent).toBe('好友邀请你一起响应倡议')
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    expect(screen.queryByText('好友邀请你一起响应倡议')).toBeNull()
    expect(screen.getByText('响应倡议')).toBeTruthy()
  })

  test('my own link is no friend\'s invitation', async () => {
    serveFunction()
    Taro.setStorageSync('attribution:sharer', sharerScene('browser-1'))
    rememberArrival(sharerScene('browser-1'))
    await openPage()
    expect(document.getElementById('pledge-friend')).toBeNull()
  })

  test('a friend\'s link credits the friend', async () => {
    const { deps } = serveFunction()
    rememberArrival('s%3AILHnmVRMlN')
    await openPage()
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    expect((await deps.store.get('browser-1'))?.source).toBe('s:ILHnmVRMlN')
  })
})

describe('cost: the function at most once a minute, the total from the public counts', () => {
  beforeEach(() => { jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }) })
  afterEach(() => { jest.useRealTimers() })

  test('status on the first show, then only on a show STATUS_MIN_INTERVAL_MS later; public reads on the first show, then every TOTAL_REFRESH_MS while shown, none while hidden', async () => {
    const { deps, calls, reads } = serveWithPublicStats()
    const statuses = () => calls.filter((action) => action === 'status').length
    renderPage(PledgePage, { path: ROUTES.pledge })
    const opened = Date.now()
    await show()
    await advance(0)
    expect(count()).toBe('0')
    expect(statuses()).toBe(1)
    // The boards have nothing else to show: the public counts are read at once, the first time.
    expect(reads).toEqual([opened])

    // Someone else pledges: the next public read shows it, with no function call.
    await deps.store.sign({ identity: 'someone-else', company: null, source: null, pledgedAt: new Date().toISOString() })
    await advance(TOTAL_REFRESH_MS)
    expect(reads).toHaveLength(2)
    expect(count()).toBe('1')

    await advance(3 * 60_000 - TOTAL_REFRESH_MS)
    expect(statuses()).toBe(1)
    expect(reads).toHaveLength(1 + 3 * 60_000 / TOTAL_REFRESH_MS)
    const gaps = reads.slice(1).map((at, i) => at - reads[i])
    expect(gaps).toEqual(reads.slice(1).map(() => TOTAL_REFRESH_MS))

    // Hidden: nothing at all.
    await hide()
    const before = { calls: calls.length, reads: reads.length }
    await advance(3 * 60_000)
    expect({ calls: calls.length, reads: reads.length }).toEqual(before)

    // Shown more than a minute after the last status: asked once; the total is as new as it gets.
    await show()
    await advance(0)
    expect(statuses()).toBe(2)
    expect(reads).toHaveLength(before.reads)

    // Shown again within the minute: no call, and no read before a full period has passed.
    await hide()
    await advance(10_000)
    await show()
    await advance(TOTAL_REFRESH_MS - 10_000 - 1)
    expect(statuses()).toBe(2)
    expect(reads).toHaveLength(before.reads)
    await advance(1)
    expect(reads).toHaveLength(before.reads + 1)

    await hide()
    await advance(STATUS_MIN_INTERVAL_MS - TOTAL_REFRESH_MS)
    await show()
    await advance(0)
    expect(statuses()).toBe(3)
  })

  test('the newer total wins: my own reply counts as now, a public count taken before it does not replace it', async () => {
    const { answer } = serveWithPublicStats()
    const opened = new Date()
    answer.current = async () => ({ status: 200, body: publicDoc(0, new Date(opened.getTime() - 1000)) })
    renderPage(PledgePage, { path: ROUTES.pledge })
    await show()
    await advance(0)
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    expect(count()).toBe('1')

    await advance(TOTAL_REFRESH_MS)
    expect(count()).toBe('1')

    answer.current = async () => ({ status: 200, body: publicDoc(5, new Date()) })
    await advance(TOTAL_REFRESH_MS)
    expect(count()).toBe('5')
  })

  test.each([
    ['the runner failing', async () => ({ status: 500, body: { code: ErrorCode.INTERNAL, message: '统计暂时不可用，请稍后再试', data: null } })],
    ['a document that is not one', async () => ({ status: 200, body: { total: 'many' } })],
  ])('%s: the last total stays, with no error shown', async (_, failure) => {
    const { deps, answer, reads } = serveWithPublicStats()
    answer.current = failure
    renderPage(PledgePage, { path: ROUTES.pledge })
    await show()
    await advance(0)
    await deps.store.sign({ identity: 'someone-else', company: null, source: null, pledgedAt: new Date().toISOString() })
    await advance(2 * TOTAL_REFRESH_MS)
    expect(reads).toHaveLength(3)
    expect(count()).toBe('0')
    expect(button()).toBeTruthy()
    expect(document.getElementById('pledge-error')).toBeNull()
  })
})

describe('a sign answered BUSY (nothing stored)', () => {
  /** The first `times` signs are answered BUSY, as handle answers a store that kept refusing. */
  function busyOnSign (times: number) {
    const served = serveFunction()
    const callFunction = global.fetch
    const signs: unknown[] = []
    global.fetch = jest.fn(async (url: string, init: RequestInit) => {
      const data = JSON.parse(String(init.body))
      if (data.action !== 'sign') return callFunction(url, init)
      signs.push(data)
      if (signs.length > times) return callFunction(url, init)
      return { status: 200, json: async () => ({ code: ErrorCode.BUSY, message: BUSY_MESSAGE, data: null }) }
    }) as unknown as typeof fetch
    return { ...served, signs }
  }

  test('is sent once more by itself after a short wait; then my number shows', async () => {
    const { signs, deps } = busyOnSign(1)
    await openPage()
    fireEvent.input(await companyInput(), { target: { value: '示范企业' } })
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1', undefined, { timeout: 3000 })
    expect(signs).toEqual([{ action: 'sign', company: '示范企业' }, { action: 'sign', company: '示范企业' }])
    expect(document.getElementById('pledge-error')).toBeNull()
    expect(await deps.store.audit()).toEqual({ rows: 1, counter: 1, drift: [] })
  })

  test('BUSY twice: the function\'s message, the button to try again, and the typed company kept', async () => {
    const { signs, deps } = busyOnSign(2)
    await openPage()
    fireEvent.input(await companyInput(), { target: { value: '示范企业' } })
    fireEvent.click(button())
    await screen.findByText(BUSY_MESSAGE, undefined, { timeout: 3000 })
    expect(signs).toHaveLength(2)
    expect((await companyInput()).value).toBe('示范企业')
    expect(await deps.store.audit()).toEqual({ rows: 0, counter: 0, drift: [] })

    // The usual retry: another tap sends it (answered this time).
    fireEvent.click(button())
    await screen.findByText('承诺编号 No.1')
    expect(signs).toHaveLength(3)
  })
})

import type TaroType from '@tarojs/taro'
import type * as Navigation from '@/services/navigation'

jest.mock('@/services/feedback', () => ({ toast: jest.fn(async () => undefined) }))

// Each test loads @tarojs/taro afresh; on a clone with a cold transform cache the first load alone took over 5 s.
jest.setTimeout(30_000)

type Pages = ReturnType<typeof TaroType.getCurrentPages>

/** The page stack Taro reports; a test moves it as the platform would. */
let stack: string[] = []
let Taro: typeof TaroType
let toast: jest.Mock

function setOnline (online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
}

/**
 * The service as a fresh launch of one platform's build sees it (no page loaded yet), with the
 * Taro it calls: its page stack is `stack`.
 */
function launch (env: 'h5' | 'weapp'): typeof Navigation {
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = env
  jest.resetModules()
  // As `import Taro from '@tarojs/taro'` sees it.
  Taro = jest.requireActual('@tarojs/taro').default
  toast = jest.requireMock('@/services/feedback').toast
  const fresh: typeof Navigation = jest.requireActual('@/services/navigation')
  process.env.TARO_ENV = before
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => stack.map((route) => ({ route })) as Pages)
  return fresh
}

/** A route the test answers itself (`resolve` / `reject`); the test puts the page on top. */
function controlledRoute (api: 'switchTab' | 'navigateTo') {
  const pending: Array<{ url: string; resolve: () => void; reject: () => void }> = []
  const spy = jest.spyOn(Taro, api).mockImplementation(((options: { url: string }) => new Promise((resolve, reject) => {
    pending.push({ url: options.url, resolve: () => resolve({ errMsg: `${api}:ok` }), reject: () => reject(new Error(`${api}:fail`)) })
  })) as never)
  return { spy, pending }
}

/** Lets promises and timers (fake) run for `ms`. */
const run = (ms = 0) => jest.advanceTimersByTimeAsync(ms)
/** Until the page that showed has slid in (services/navigation ROUTE_ANIMATION_MS), taps are the route's. */
const slideIn = () => run(300)

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
  stack = ['pages/index/index']
  setOnline(true)
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

describe('one route at a time', () => {
  test('taps while a route runs are ignored; the page opens once', async () => {
    const { openPosters } = launch('h5')
    const { spy, pending } = controlledRoute('navigateTo')
    const taps = Array.from({ length: 10 }, () => openPosters())
    await run()
    expect(spy).toHaveBeenCalledTimes(1)
    pending[0].resolve()
    stack.push('subpackages/poster/pages/gallery/index')
    expect(await Promise.all(taps)).toEqual([true, ...Array(9).fill(false)])
  })

  test('a route the platform answers before its page shows (the browser) is in flight until the page is on top', async () => {
    const { openPosters, openTab, ROUTE_SETTLE_MAX_MS } = launch('h5')
    const { pending } = controlledRoute('navigateTo')
    const first = openPosters()
    await run()
    pending[0].resolve()
    await run(ROUTE_SETTLE_MAX_MS / 2)
    // The address has changed, the page has not loaded yet: a second tap is still the first one's.
    expect(await openTab('proposal')).toBe(false)
    stack.push('subpackages/poster/pages/gallery/index')
    await run(100)
    expect(await first).toBe(true)
  })

  test('a page that never shows holds taps for ROUTE_SETTLE_MAX_MS at most', async () => {
    const { openPosters, ROUTE_SETTLE_MAX_MS, ROUTE_ANIMATION_MS } = launch('h5')
    const { pending } = controlledRoute('navigateTo')
    const first = openPosters()
    await run()
    pending[0].resolve()
    await run(ROUTE_SETTLE_MAX_MS)
    expect(await first).toBe(true)
    await run(ROUTE_ANIMATION_MS)
    const second = openPosters()
    await run()
    expect(pending).toHaveLength(2)
    pending[1].resolve()
    stack.push('subpackages/poster/pages/gallery/index')
    await run(100)
    expect(await second).toBe(true)
  })

  test('the page slides in after it shows: a tap during the slide is the burst\'s, one after it opens again', async () => {
    const { openMyPoster, ROUTE_ANIMATION_MS } = launch('h5')
    expect(ROUTE_ANIMATION_MS).toBe(300)
    const { spy, pending } = controlledRoute('navigateTo')
    const first = openMyPoster()
    await run()
    pending[0].resolve()
    stack.push('subpackages/poster/pages/personal/index')
    await run(100)
    expect(await first).toBe(true)
    // The page below is still partly uncovered: a late tap of the burst lands there.
    expect(await openMyPoster()).toBe(false)
    await run(ROUTE_ANIMATION_MS)
    const later = openMyPoster()
    await run()
    expect(spy).toHaveBeenCalledTimes(2)
    pending[1].resolve()
    stack.push('subpackages/poster/pages/personal/index')
    await run(100)
    expect(await later).toBe(true)
  })

  test('a failed route resolves false and lets the next tap go at once', async () => {
    const { openTab } = launch('h5')
    const { spy, pending } = controlledRoute('switchTab')
    const first = openTab('pledge')
    await run()
    pending[0].reject()
    expect(await first).toBe(false)
    const second = openTab('pledge')
    await run()
    expect(spy).toHaveBeenCalledTimes(2)
    pending[1].resolve()
    stack = ['pages/pledge/index']
    await run(100)
    expect(await second).toBe(true)
  })
})

describe('offline', () => {
  test('browser: a page whose script has not loaded yet is not tried; 网络不可用 says why', async () => {
    const { openTab, openPosters } = launch('h5')
    const { spy } = controlledRoute('switchTab')
    const navigateTo = controlledRoute('navigateTo').spy
    setOnline(false)
    expect(await openTab('proposal')).toBe(false)
    expect(await openPosters()).toBe(false)
    expect(spy).not.toHaveBeenCalled()
    expect(navigateTo).not.toHaveBeenCalled()
    expect(toast.mock.calls).toEqual([['网络不可用'], ['网络不可用']])
  })

  test('browser: a page opened since launch opens offline, and so does the one shown', async () => {
    const { openTab } = launch('h5')
    const { spy, pending } = controlledRoute('switchTab')
    const online = openTab('proposal')
    await run()
    pending[0].resolve()
    stack = ['pages/proposal/index']
    await run(100)
    expect(await online).toBe(true)
    await slideIn()

    setOnline(false)
    for (const [tab, route] of [['home', 'pages/index/index'], ['proposal', 'pages/proposal/index']] as const) {
      const back = openTab(tab)
      await run()
      pending[pending.length - 1].resolve()
      stack = [route]
      await run(100)
      expect(await back).toBe(true)
      await slideIn()
    }
    expect(spy).toHaveBeenCalledTimes(3)
    expect(toast).not.toHaveBeenCalled()
  })

  test('WeChat: tabs are installed and open offline; a subpackage page not opened yet is not tried', async () => {
    const { openTab, openArticle, openPosters } = launch('weapp')
    const switchTab = controlledRoute('switchTab')
    const navigateTo = controlledRoute('navigateTo')
    setOnline(false)

    const tab = openTab('pledge')
    await run()
    switchTab.pending[0].resolve()
    stack = ['pages/pledge/index']
    await run(100)
    expect(await tab).toBe(true)
    await slideIn()

    expect(await openPosters()).toBe(false)
    expect(await openArticle('https://mp.weixin.qq.com/s/abc')).toBe(false)
    expect(navigateTo.spy).not.toHaveBeenCalled()
    expect(toast.mock.calls).toEqual([['网络不可用'], ['网络不可用']])
  })

  test('the article page gets its link encoded once in the query', async () => {
    const { openArticle } = launch('weapp')
    const { spy, pending } = controlledRoute('navigateTo')
    const link = 'https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1#rd'
    const opened = openArticle(link)
    await run()
    expect(spy).toHaveBeenCalledWith({ url: `/subpackages/article/pages/web/index?url=${encodeURIComponent(link)}` })
    pending[0].resolve()
    stack.push('subpackages/article/pages/web/index')
    await run(100)
    expect(await opened).toBe(true)
  })

  test('WeChat: a subpackage opened since launch opens offline', async () => {
    const { openPosters } = launch('weapp')
    const { spy, pending } = controlledRoute('navigateTo')
    const first = openPosters()
    await run()
    pending[0].resolve()
    stack.push('subpackages/poster/pages/gallery/index')
    await run(100)
    expect(await first).toBe(true)
    await slideIn()
    stack.pop()

    setOnline(false)
    const again = openPosters()
    await run()
    expect(spy).toHaveBeenCalledTimes(2)
    pending[1].resolve()
    stack.push('subpackages/poster/pages/gallery/index')
    await run(100)
    expect(await again).toBe(true)
    expect(toast).not.toHaveBeenCalled()
  })
})

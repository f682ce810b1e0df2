/**
 * The way to a pledge in dist/weapp (see harness.ts): the call on 首页 and 倡议书 and what they show
 * once I have pledged, what the pledge page says one commits to, its boards, a friend's invitation,
 * and taps: one route at a time, offline routes, a burst of taps on 我承诺.
 */
import { createWordListChecker } from '../../cloud/core/content-check'
import { ErrorCode } from '../../cloud/core/protocol'
import { sharerScene } from '../../cloud/core/sharer'
import { createMemoryStore } from '../../cloud/core/stores/memory'
import { allSections } from '../../src/content'
import { appPerTest, canvas2dNode } from './harness'
import type { WeappApp } from './harness'

const HOME = 'pages/index/index'
const PROPOSAL = 'pages/proposal/index'
const PLEDGE = 'pages/pledge/index'
const GALLERY = 'subpackages/poster/pages/gallery/index'
const PERSONAL = 'subpackages/poster/pages/personal/index'
const CALL = '响应倡议，去承诺'
const BUTTON = '我承诺践行以上倡议'
const SHARED_CARD = 1007
const SCAN_CODE = 1047

const start = appPerTest()

const actions = (app: WeappApp) => app.fake.record.cloudCalls.map((call) => (call.data as { action: string }).action)
/** The tab bar is WeChat's own: a tap on it is the route it carries out. */
async function tapTab (app: WeappApp, route: string) {
  await app.fake.wx.switchTab({ url: `/${route}` })
  return app.waitForPage(route)
}

describe('the call to pledge', () => {
  test('首页\'s hero leads to the 承诺 tab', async () => {
    const { app, page } = await start({})
    await page.waitForText(CALL)
    await page.tap('#home-pledge-call')
    const pledge = await app.waitForPage(PLEDGE)
    await pledge.waitForText(BUTTON)
    expect(app.fake.record.routes).toEqual([{ api: 'switchTab', url: `/${PLEDGE}` }])
  })

  test('after signing, 首页 and 倡议书 show my number and lead to it, with no function call of their own', async () => {
    const { app, page } = await start({ openid: 'o-signer' })
    await page.tap('#home-pledge-call')
    const pledge = await app.waitForPage(PLEDGE)
    await pledge.tap('#pledge-button')
    await pledge.waitForText('承诺编号 No.1')
    const calls = app.fake.record.cloudCalls.length

    const home = await tapTab(app, HOME)
    await home.waitForText('已承诺 · 承诺编号 No.1')
    expect(home.text()).not.toContain(CALL)
    expect(home.text()).not.toMatch(/第\s*\d+\s*位/)
    const proposal = await tapTab(app, PROPOSAL)
    await proposal.waitForText('已承诺 · 承诺编号 No.1')
    expect(app.fake.record.cloudCalls.length).toBe(calls)

    await proposal.tap('#proposal-pledge-call')
    await app.waitForPage(PLEDGE)
  })

  test('a withdrawal is shown there too: the call is back', async () => {
    const { app, page } = await start({ path: PLEDGE })
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    app.fake.modalAnswers.push(true)
    await page.tap('#pledge-withdraw')
    await page.waitForText(BUTTON)
    const home = await tapTab(app, HOME)
    await home.waitForText(CALL)
  })

  test('a pledge made before (status) is shown on 首页 once the pledge page has learnt it', async () => {
    const first = await start({ path: PLEDGE, openid: 'o-returning' })
    await first.page.tap('#pledge-button')
    await first.page.waitForText('承诺编号 No.1')
    expect(first.app.close()).toEqual([])

    // A new device: nothing remembered yet, so 首页 shows the call until the pledge page has asked.
    const { app, page } = await start({ openid: 'o-returning', deps: first.app.deps })
    await page.waitForText(CALL)
    expect(actions(app)).not.toContain('status')
    const pledge = await tapTab(app, PLEDGE)
    await pledge.waitForText('承诺编号 No.1')
    const home = await tapTab(app, HOME)
    await home.waitForText('已承诺 · 承诺编号 No.1')
  })
})

describe('the pledge page', () => {
  test('the six headed items in the document\'s words, under its title, and the button commits to them', async () => {
    const { page } = await start({ path: PLEDGE })
    await page.waitForText(BUTTON)
    const text = page.text()
    for (const section of allSections()) expect(text).toContain(section.heading)
    expect(page.find('企业界')).not.toBeNull()
    expect(page.find('全社会')).not.toBeNull()
    const positions = allSections().map((section) => text.indexOf(section.heading))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(text.indexOf(allSections()[5].heading)).toBeLessThan(text.indexOf(BUTTON))
  })

  test('单位榜 from the public counts of the store; an empty one says how to get on it', async () => {
    const empty = await start({ path: PLEDGE })
    await empty.page.waitForText('还没有单位上榜')
    expect(empty.app.close()).toEqual([])

    const deps = { store: createMemoryStore(), contentCheck: createWordListChecker() }
    for (const [identity, company] of [['o-a', '质检示范企业'], ['o-b', '质检示范企业'], ['o-c', '诚信经营单位']]) {
      await deps.store.sign({ identity, company, source: null, pledgedAt: new Date().toISOString() })
    }
    const { page } = await start({ path: PLEDGE, deps })
    await page.waitForText(/单位榜\s*1\s*质检示范企业\s*2 人\s*2\s*诚信经营单位\s*1 人/)
    expect(page.text()).not.toContain('还没有单位上榜')
  })

  test('arrived through an event code: the event and its count, when the function gives one', async () => {
    const seed = await start({ path: PLEDGE })
    await seed.app.deps.store.createEvent({ id: 'abcd1234', name: '质量月主题宣传活动', date: '2024-09-20', place: '北京', createdBy: 'o-organiser', createdAt: '2024-09-01T00:00:00.000Z' })
    expect(seed.app.close()).toEqual([])

    // Scanned, then 首页 first (the pledge page asks for the event on its first show).
    const { app, page } = await start({ scene: SCAN_CODE, query: { scene: encodeURIComponent('e:abcd1234') }, deps: seed.app.deps })
    app.answerOnce('getEvent', {
      code: ErrorCode.OK,
      message: 'ok',
      data: { event: { id: 'abcd1234', name: '质量月主题宣传活动', date: '2024-09-20', place: '北京', scene: 'e:abcd1234', count: 8 } },
    })
    await page.tap('#home-pledge-call')
    const pledge = await app.waitForPage(PLEDGE)
    await pledge.waitForText('质量月主题宣传活动')
    await pledge.waitForText('本活动已有 8 人承诺')
  })

  test('a friend\'s card (s: scene) says 好友邀请你一起响应倡议; gone once I have pledged', async () => {
    const { page } = await start({ path: PLEDGE, scene: SHARED_CARD, query: { scene: encodeURIComponent(sharerScene('o-friend')) }, openid: 'o-visitor' })
    await page.waitForText('好友邀请你一起响应倡议')
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    expect(page.text()).not.toContain('好友邀请你一起响应倡议')
  })

  test('queued offline: the button says so in its own style', async () => {
    const { app, page } = await start({ path: PLEDGE })
    await page.waitForText(BUTTON)
    app.fake.setNetwork('none')
    await page.tap('#pledge-button')
    await page.waitForText('已记录，联网后自动提交')
    expect(String(page.attr('#pledge-button', 'class'))).toContain('pledge-form__button--waiting')
  })
})

describe('taps', () => {
  test('two quick taps on 活动海报 open the gallery once', async () => {
    const { app, page } = await start({ wx: { canvasNodes: { '#poster-canvas': canvas2dNode() } } })
    await page.waitForText('活动海报')
    await Promise.all([page.tap('#entry-posters'), page.tap('#entry-posters')])
    await app.waitForPage(GALLERY)
    await app.settle()
    expect(app.fake.record.routes).toEqual([{ api: 'navigateTo', url: `/${GALLERY}` }])
    expect(app.stack.map((open) => open.route)).toEqual([HOME, GALLERY])
  })

  test('after 我承诺, ten taps on 生成我的承诺海报 open the poster page once; a cover takes taps while the result settles', async () => {
    const { app, page } = await start({ path: PLEDGE })
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    expect(page.find('#pledge-result-cover')).not.toBeNull()
    await app.waitFor(() => page.find('#pledge-result-cover') === null, 2000, () => '结果一直被遮住')
    await Promise.all(Array.from({ length: 10 }, () => page.tap('#pledge-poster')))
    await app.waitForPage(PERSONAL)
    await app.settle()
    expect(app.fake.record.routes.filter((route) => route.url === `/${PERSONAL}`)).toHaveLength(1)
    expect(app.stack.map((open) => open.route)).toEqual([PLEDGE, PERSONAL])
  })

  test('offline: a tab opens (its code is installed), the poster gallery (a subpackage not yet downloaded) says 网络不可用', async () => {
    const { app, page } = await start({})
    await page.waitForText(CALL)
    app.fake.setNetwork('none')
    await page.tap('#entry-posters')
    await app.waitFor(() => app.fake.record.toasts.some((toast) => toast.title === '网络不可用'), 2000, () => '没有提示网络不可用')
    expect(app.fake.record.routes).toEqual([])
    expect(app.current.route).toBe(HOME)

    await page.tap('#entry-proposal')
    await app.waitForPage(PROPOSAL)
    expect(app.fake.record.toasts.filter((toast) => toast.title === '网络不可用')).toHaveLength(1)
  })

  test('offline: a subpackage page opened earlier in this launch opens again', async () => {
    const { app, page } = await start({ wx: { canvasNodes: { '#poster-canvas': canvas2dNode() } } })
    await page.tap('#entry-posters')
    await app.waitForPage(GALLERY)
    await app.fake.wx.navigateBack({})
    await app.waitForPage(HOME)
    app.fake.setNetwork('none')
    await app.current.tap('#entry-posters')
    await app.waitForPage(GALLERY)
    expect(app.fake.record.toasts.filter((toast) => toast.title === '网络不可用')).toEqual([])
  })
})

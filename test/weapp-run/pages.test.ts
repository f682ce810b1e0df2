/**
 * Every page of dist/weapp, run as WeChat runs it (see harness.ts): it renders its key text, with
 * no runtime error and no `Template … not found` (afterEach fails on any console error or warning).
 * The simulator renders no canvas: canvas pages are checked in the states that need none, and with
 * a stand-in canvas node where a page must draw to get further (pixels: browser tier).
 */
import { campaign, newsItems, proposal } from '../../src/content'
import { posterTemplates } from '../../src/poster'
import { appPerTest, canvas2dNode, launchApp, readAppJson, templateDepth, templateLevels } from './harness'
import type { LaunchConfig } from './harness'

const MOMENTS = 1154
const NETWORK_ERROR = '网络不给力'

const start = appPerTest()

const GALLERY = 'subpackages/poster/pages/gallery/index'
const PERSONAL = 'subpackages/poster/pages/personal/index'
const ORGANISER = 'subpackages/poster/pages/organiser/index'
const ARTICLE = 'subpackages/article/pages/web/index'

/** Each page of app.json, opened fresh, and what it must show. */
const PAGES: Array<{ path: string; query?: Record<string, string>; texts: string[]; wx?: LaunchConfig['wx'] }> = [
  { path: 'pages/index/index', texts: [campaign.theme, '倡议书全文', '活动海报', '媒体报道', newsItems[0].title] },
  { path: 'pages/proposal/index', texts: [proposal.title, proposal.groups[0].sections[0].heading, proposal.groups[1].sections[0].heading] },
  { path: 'pages/pledge/index', texts: [proposal.title, '已有 0 人承诺', '我承诺', '活动海报'] },
  { path: 'pages/not-found/index', texts: ['未找到页面', '你打开的链接可能有误或已失效'] },
  { path: GALLERY, texts: ['可供企业、组织和媒体使用', ...posterTemplates.map((template) => template.name)], wx: { canvasNodes: { '#poster-canvas': canvas2dNode() } } },
  { path: PERSONAL, texts: ['承诺后即可生成海报', '去承诺'] },
  { path: ORGANISER, texts: ['仅限活动组织者'] },
  { path: ARTICLE, query: { url: 'no-link' }, texts: ['无法在小程序中打开这篇文章', '链接可能有误或已失效'] },
]

test('every page fits base.wxml\'s template levels with room to spare (the harness checks each state it renders)', async () => {
  expect(templateDepth({ cn: [{ cn: [{}, { cn: [{}] }] }] })).toBe(3)
  const depths: Record<string, number> = {}
  for (const { path, query, wx, texts } of PAGES) {
    const { app, page } = await launchApp({ path, query, wx })
    await page.waitForText(texts[0])
    depths[path] = app.deepest
    expect(app.close()).toEqual([])
  }
  const deepest = Math.max(...Object.values(depths))
  expect(deepest).toBeGreaterThan(5)
  expect(deepest).toBeLessThanOrEqual(templateLevels() - 2)
})

test('the list covers every page of app.json', () => {
  expect(PAGES.map((page) => page.path).sort()).toEqual([...readAppJson().pages].sort())
})

describe.each(PAGES)('$path', ({ path, query, texts, wx }) => {
  test('renders its key text with no error and no missing template', async () => {
    const { page } = await start({ path, query, wx })
    for (const text of texts) await page.waitForText(text)
    expect(page.text()).not.toContain(NETWORK_ERROR)
  })
})

test('an unknown page is replaced by 未找到页面 (App onPageNotFound → redirectTo)', async () => {
  const { app } = await start({})
  app.appInstance.onPageNotFound?.({ path: 'pages/gone/index', query: {}, isEntryPage: false })
  const page = await app.waitForPage('pages/not-found/index')
  await page.waitForText('你打开的链接可能有误或已失效')
})

test('首页 → 倡议书全文 and 活动海报 open their pages', async () => {
  const { app, page } = await start({ wx: { canvasNodes: { '#poster-canvas': canvas2dNode() } } })
  await page.tap('#entry-proposal')
  await (await app.waitForPage('pages/proposal/index')).waitForText(proposal.title)
  await app.fake.wx.switchTab({ url: '/pages/index/index' })
  await app.waitForPage('pages/index/index')
  await app.current.tap('#entry-posters')
  await (await app.waitForPage(GALLERY)).waitForText(posterTemplates[0].name)
})

describe('canvas pages (the simulator renders no canvas)', () => {
  test('gallery: without a canvas node it says drawing failed instead of hanging', async () => {
    const { page } = await start({ path: GALLERY })
    await page.waitForText('海报绘制失败')
    expect(page.text()).toContain('请升级微信后重试')
  })

  test('gallery: with a canvas node every thumbnail is drawn and a poster opens in the viewer', async () => {
    const { app, page } = await start({ path: GALLERY, wx: { canvasNodes: { '#poster-canvas': canvas2dNode() } } })
    for (const template of posterTemplates) await page.waitFor(`#poster-thumb-${template.id}`)
    await page.tap(`#poster-item-${posterTemplates[1].id}`)
    await page.waitFor('#poster-viewer')
    expect(page.text()).toContain('保存海报')
    // Every export went through canvasToTempFilePath with the canvas node.
    const exports = app.fake.record.calls.filter((call) => call.api === 'canvasToTempFilePath')
    expect(exports.length).toBeGreaterThanOrEqual(posterTemplates.length)
  })

  test('personal poster: after pledging, the poster and its nickname field are shown', async () => {
    const { app, page } = await start({ path: 'pages/pledge/index', wx: { canvasNodes: { '#my-poster-canvas': canvas2dNode() } } })
    await page.tap('#pledge-button')
    await page.waitForText('承诺编号 No.1')
    await page.tap('#pledge-poster')
    const poster = await app.waitForPage(PERSONAL)
    await poster.waitFor('#my-poster-image')
    await poster.waitFor('#my-poster-nickname')
  })

  test('organiser: an organiser sees the counts and the event form', async () => {
    const { page } = await start({ path: ORGANISER, openid: 'o-organiser', admins: ['o-organiser'] })
    await page.waitForText('新建活动')
    expect(page.text()).toContain('全部承诺')
    expect(page.text()).toContain('还没有活动')
  })
})

describe('Moments single-page mode (scene 1154: no login, no navigation)', () => {
  const offered = PAGES.filter((page) => ![PERSONAL, ORGANISER, ARTICLE].includes(page.path))

  test.each(offered)('$path offers a Moments share and works when opened from it', async ({ path, query, texts, wx }) => {
    const normal = await start({ path, query, wx })
    expect(normal.page.shareToMoments()).toEqual(expect.objectContaining({ title: expect.any(String) }))
    expect(normal.app.close()).toEqual([])

    const { app, page } = await start({ path, query, wx, scene: MOMENTS })
    await app.settle()
    if (path === 'pages/pledge/index') {
      await page.waitForText('前往小程序参与承诺')
    } else {
      for (const text of texts) await page.waitForText(text)
    }
    expect(page.text()).not.toContain(NETWORK_ERROR)
    // Nothing is asked of the function: there is no login to call it with.
    expect(app.fake.record.calls.filter((call) => call.api === 'cloud.callFunction')).toEqual([])
  })

  test.each([PERSONAL, ORGANISER])('%s offers no Moments share (it needs a login)', async (path) => {
    const { page } = await start({ path })
    expect(page.instance.onShareTimeline).toBeUndefined()
    expect(page.shareToFriend()).toEqual(expect.objectContaining({ path: expect.stringMatching(/^\/pages\/pledge\/index/) }))
  })

  test('the gallery opened from Moments offers no save or send, and says where to do it', async () => {
    const { page } = await start({ path: GALLERY, scene: MOMENTS, wx: { canvasNodes: { '#poster-canvas': canvas2dNode() } } })
    await page.waitFor(`#poster-thumb-${posterTemplates[0].id}`)
    await page.tap(`#poster-item-${posterTemplates[0].id}`)
    await page.waitForText('前往小程序”即可保存和发送海报')
    expect(page.find('#poster-save')).toBeNull()
    expect(page.find('#poster-share')).toBeNull()
  })

  test('a tap that would navigate gets WeChat\'s own toast and leaves the page as it is', async () => {
    const { app, page } = await start({ path: 'pages/index/index', scene: MOMENTS })
    await page.tap('#entry-proposal')
    expect(app.current.route).toBe('pages/index/index')
    expect(app.fake.record.toasts).toContainEqual({ title: '请前往小程序使用完整服务', icon: 'none' })
  })
})

describe('繁體 in WeChat', () => {
  const BAR_APIS = ['setNavigationBarTitle', 'setTabBarItem']

  test('简体 (the default): the configs\' titles and tab labels stand, nothing is set', async () => {
    const { app, page } = await start({ path: 'pages/index/index' })
    await page.waitForText('倡议书全文')
    expect(app.fake.record.calls.filter(({ api }) => BAR_APIS.includes(api))).toEqual([])
  })

  test('繁體 chosen on 首页: its words, WeChat\'s tab bar and title; the other tabs open in 繁體', async () => {
    const { app, page } = await start({ path: 'pages/index/index' })
    await page.tap('#script-hant')
    await page.waitForText('倡議書全文')
    expect(page.text()).toContain('閲讀設置')
    expect([...app.fake.record.tabLabels].sort()).toEqual([[0, '首頁'], [1, '倡議書'], [2, '承諾']])
    expect(app.fake.record.titles).toContainEqual({ route: 'pages/index/index', title: '全國質量月' })
    const others: Array<[string, string, string[]]> = [
      ['pages/proposal/index', '倡議書', ['目錄', '回到目錄', '響應倡議，去承諾']],
      ['pages/pledge/index', '承諾', ['我承諾踐行以上倡議', '單位榜', '單位名稱（選填）']],
    ]
    for (const [route, title, words] of others) {
      await app.fake.wx.switchTab({ url: `/${route}` })
      const shown = await app.waitForPage(route)
      await shown.waitForText(words[0])
      for (const word of words) expect(shown.text()).toContain(word)
      expect(app.fake.record.titles).toContainEqual({ route, title })
    }

    // Back on 首页, 简体 again: its title and the tab bar follow; the hidden tabs set nothing.
    await app.fake.wx.switchTab({ url: '/pages/index/index' })
    const home = await app.waitForPage('pages/index/index')
    const before = app.fake.record.titles.length
    await home.tap('#script-hans')
    await home.waitForText('倡议书全文')
    expect(app.fake.record.titles.slice(before)).toEqual([{ route: 'pages/index/index', title: '全国质量月' }])
    expect([...app.fake.record.tabLabels].sort()).toEqual([[0, '首页'], [1, '倡议书'], [2, '承诺']])
  })
})

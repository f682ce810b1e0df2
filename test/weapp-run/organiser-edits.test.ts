/**
 * The organiser's 媒体报道 editor and 单位榜 control in the built mini-program (see harness.ts): a
 * report added there is on 首页 when it shows again; a hidden unit name leaves the public board the
 * pledge tab reads (the database's public/stats, as the function's timer writes it), still counted.
 */
import { createWordListChecker } from '../../cloud/core/content-check'
import { PUBLIC_STATS_TIMING } from '../../cloud/core/protocol'
import { createMemoryStore } from '../../cloud/core/stores/memory'
import { appPerTest } from './harness'
import type { WeappApp } from './harness'

const HOME = 'pages/index/index'
const PLEDGE = 'pages/pledge/index'
const ORGANISER = 'subpackages/poster/pages/organiser/index'
const ADMIN = 'o-organiser'

const start = appPerTest()

const actions = (app: WeappApp) => app.fake.record.cloudCalls.map((call) => (call.data as { action: string }).action)

async function openOrganiserFromHome (app: WeappApp) {
  await app.fake.wx.navigateTo({ url: `/${ORGANISER}` })
  const page = await app.waitForPage(ORGANISER)
  await page.waitForText('添加报道')
  return page
}

test('an organiser adds a report; back on 首页 it is listed above the document\'s five', async () => {
  const { app, page: home } = await start({ openid: ADMIN, admins: [ADMIN] })
  await home.waitForText('媒体报道')
  const organiser = await openOrganiserFromHome(app)
  await organiser.waitForText('还没有添加报道')

  await organiser.input('#news-form-source', '质量时报')
  await organiser.input('#news-form-title', '质量月千家企业倡议活动启动')
  await organiser.trigger('#news-form-date-picker', 'change', { value: '2024-09-25' })
  await organiser.input('#news-form-link', 'https://www.example.com/news/0925.html')
  await organiser.waitForText('2024年9月25日')
  await organiser.tap('#news-form-save')
  await organiser.waitForText('质量月千家企业倡议活动启动')
  expect(app.fake.record.toasts).toContainEqual({ title: '已添加', icon: 'success' })
  const [saved] = await app.deps.store.listNews(10)
  expect(saved).toMatchObject({ source: '质量时报', title: '质量月千家企业倡议活动启动', date: '2024-09-25', link: 'https://www.example.com/news/0925.html', updatedBy: ADMIN })
  expect(organiser.attr('#news-form-title', 'value')).toBe('')

  await app.fake.wx.navigateBack()
  const back = await app.waitForPage(HOME)
  await back.waitForText('质量月千家企业倡议活动启动')
  expect(back.find(`#news-${saved.id}`)?.textContent).toContain('点按复制链接')
  expect(actions(app).filter((action) => action === 'news')).toHaveLength(3)
})

test('a bad link: the function\'s message under the form, everything typed still there; removing asks first', async () => {
  const { app, page: home } = await start({ openid: ADMIN, admins: [ADMIN] })
  await home.waitForText('媒体报道')
  const organiser = await openOrganiserFromHome(app)
  await organiser.input('#news-form-source', '质量时报')
  await organiser.input('#news-form-title', '倡议活动启动')
  await organiser.input('#news-form-link', 'www.example.com/a')
  await organiser.tap('#news-form-save')
  await organiser.waitForText('报道链接应为完整网址，以 https:// 开头')
  expect(['#news-form-source', '#news-form-title', '#news-form-link'].map((id) => organiser.attr(id, 'value'))).toEqual(['质量时报', '倡议活动启动', 'www.example.com/a'])

  await organiser.input('#news-form-link', '')
  await organiser.tap('#news-form-save')
  await organiser.waitForText('无链接')
  const [saved] = await app.deps.store.listNews(10)
  expect(saved.link).toBeNull()

  await organiser.tap(`#news-remove-${saved.id}`)
  expect(app.fake.record.modals.at(-1)).toEqual({ title: '删除这篇报道？', content: '“倡议活动启动”将不再显示在首页。', confirmText: '删除' })
  expect(await app.deps.store.listNews(10)).toHaveLength(1)
  app.fake.modalAnswers.push(true)
  await organiser.tap(`#news-remove-${saved.id}`)
  await organiser.waitForText('还没有添加报道')
  expect(await app.deps.store.listNews(10)).toEqual([])
})

test('an organiser hides a unit name: asked first, marked with who and when; the public 单位榜 no longer lists it, the total still counts it', async () => {
  // The pledge tab reads the public counts every PUBLIC_STATS_TIMING.readEveryMs: a clock that also
  // moves with real time (the simulator's own timers) and can be run ahead.
  jest.useFakeTimers({ advanceTimers: true, doNotFake: ['queueMicrotask', 'nextTick'] })
  const deps = { store: createMemoryStore(), contentCheck: createWordListChecker() }
  for (const [identity, company] of [['o-a', '质检示范企业'], ['o-b', '质检示范企业'], ['o-c', '不宜公开的名称']]) {
    await deps.store.sign({ identity, company, source: null, pledgedAt: new Date().toISOString() })
  }
  const { app, page: home } = await start({ openid: ADMIN, admins: [ADMIN], deps })
  const before = await (await tapTab(app, PLEDGE)).waitForText(/单位榜\s*1\s*质检示范企业\s*2 人\s*2\s*不宜公开的名称\s*1 人/)
  expect(before).toContain('已有 3 人承诺')
  await tapTab(app, HOME)
  expect(home.route).toBe(HOME)

  const organiser = await openOrganiserFromHome(app)
  await organiser.waitForText('不宜公开的名称')
  expect(organiser.find('#unit-1')?.textContent).toContain('不宜公开的名称')
  expect(organiser.attr('#unit-toggle-1', 'ariaLabel')).toBe('在单位榜上隐藏：不宜公开的名称')
  app.fake.modalAnswers.push(true)
  await organiser.tap('#unit-toggle-1')
  expect(app.fake.record.modals.at(-1)).toEqual({ title: '在单位榜上隐藏？', content: '“不宜公开的名称”将不再出现在公开的单位榜上，其承诺仍计入总数。', confirmText: '隐藏' })
  await organiser.waitForText(`已隐藏 · ${ADMIN} 于`)
  expect(organiser.find('#unit-toggle-1')?.textContent).toBe('恢复')
  expect(app.fake.record.toasts).toContainEqual({ title: '已隐藏', icon: 'success' })
  expect(await deps.store.listHidden(10)).toEqual([expect.objectContaining({ company: '不宜公开的名称', hiddenBy: ADMIN })])

  const pledge = await tapTab(app, PLEDGE)
  await jest.advanceTimersByTimeAsync(PUBLIC_STATS_TIMING.readEveryMs)
  await app.waitFor(() => !pledge.text().includes('不宜公开的名称'), 2000, () => `单位榜仍列出隐藏的名称：${pledge.text().slice(0, 400)}`)
  expect(pledge.text()).toMatch(/单位榜\s*1\s*质检示范企业\s*2 人/)
  expect(pledge.text()).toContain('已有 3 人承诺')
})

afterEach(() => { jest.useRealTimers() })

/** The tab bar is WeChat's own: a tap on it is the route it carries out. */
async function tapTab (app: WeappApp, route: string) {
  await app.fake.wx.switchTab({ url: `/${route}` })
  return app.waitForPage(route)
}

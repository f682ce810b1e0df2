/**
 * A way back on every page that is not a tab, in the built mini-program: opened first (a shared
 * card, a code) the page shows 返回首页 and it switches to 首页; opened from 首页 WeChat's own back
 * button is the way and the page adds nothing; in Moments' single-page mode nothing navigates.
 */
import { campaign } from '../../src/content'
import { posterTemplates } from '../../src/poster'
import { appPerTest, canvas2dNode } from './harness'
import type { LaunchConfig } from './harness'

const start = appPerTest()

const HOME = 'pages/index/index'
const SHARED_CARD = 1007
const CODE = 1047
const MOMENTS = 1154

/** Every page of app.json that is not a tab, opened as people reach it, and a text it shows. */
const PAGES: Array<{ name: string; path: string; query?: Record<string, string>; text: string; launch?: Partial<LaunchConfig> }> = [
  // With the README setting off (the default build) an article is offered to copy, not opened.
  { name: 'article', path: 'subpackages/article/pages/web/index', query: { url: 'https://mp.weixin.qq.com/s/AbCdEf123' }, text: '无法在小程序中打开这篇文章' },
  { name: 'not-found', path: 'pages/not-found/index', text: '未找到页面' },
  { name: 'gallery', path: 'subpackages/poster/pages/gallery/index', text: posterTemplates[0].name, launch: { wx: { canvasNodes: { '#poster-canvas': canvas2dNode() } } } },
  { name: 'personal poster', path: 'subpackages/poster/pages/personal/index', text: '承诺后即可生成海报' },
  { name: 'organiser, 仅限活动组织者', path: 'subpackages/poster/pages/organiser/index', text: '仅限活动组织者' },
  { name: 'organiser', path: 'subpackages/poster/pages/organiser/index', text: '新建活动', launch: { openid: 'o-organiser', admins: ['o-organiser'] } },
]

const url = (path: string, query: Record<string, string> = {}) => {
  const search = new URLSearchParams(query).toString()
  return `/${path}${search ? `?${search}` : ''}`
}

describe.each(PAGES)('$name', ({ path, query, text, launch }) => {
  test.each([['a shared card', SHARED_CARD], ['a code', CODE]])('opened first from %s: 返回首页 switches to 首页', async (_, scene) => {
    const { app, page } = await start({ ...launch, path, query, scene })
    await page.waitForText(text)
    expect(page.find('#way-back')?.textContent).toBe('返回首页')
    expect([page.attr('#way-back', 'ariaRole'), page.attr('#way-back', 'ariaLabel')]).toEqual(['button', '返回首页'])

    await page.tap('#way-back')
    const home = await app.waitForPage(HOME)
    await home.waitForText(campaign.theme)
    expect(app.fake.record.routes).toEqual([{ api: 'switchTab', url: `/${HOME}` }])
    expect(app.stack.map((open) => open.route)).toEqual([HOME])
  })

  test('opened from 首页: no 返回首页 of its own; WeChat\'s back button returns to 首页', async () => {
    const { app } = await start({ ...launch })
    await app.fake.wx.navigateTo({ url: url(path, query) })
    const page = await app.waitForPage(path)
    await page.waitForText(text)
    expect(page.find('#way-back')).toBeNull()
    expect(page.text()).not.toContain('返回首页')

    await app.fake.wx.navigateBack()
    await (await app.waitForPage(HOME)).waitForText(campaign.theme)
  })
})

test.each(PAGES.filter(({ name }) => ['not-found', 'gallery'].includes(name)))('$name in Moments\' single-page mode shows nothing that navigates', async ({ path, query, text, launch }) => {
  const { page } = await start({ ...launch, path, query, scene: MOMENTS })
  await page.waitForText(text)
  expect(page.find('#way-back')).toBeNull()
  expect(page.text()).not.toContain('返回首页')
})

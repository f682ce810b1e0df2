/**
 * 媒体报道 in the built mini-program (see harness.ts): organisers' reports from the function above
 * the document's five; a report with a link is copied with a toast saying why, one without is a
 * list entry; a 公众号 article opens in the web-view page only with README's setting on; an old
 * shared link to the removed report page lands on 未找到页面.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createWordListChecker } from '../../cloud/core/content-check'
import type { NewsRecord } from '../../cloud/core/store'
import { createMemoryStore } from '../../cloud/core/stores/memory'
import { newsItems } from '../../src/content'
import { appPerTest, DIST } from './harness'

const HOME = 'pages/index/index'
const ARTICLE_PAGE = 'subpackages/article/pages/web/index'
const SETTING = 'TARO_APP_ARTICLE_WEBVIEW'
const MOMENTS = 1154
const COPIED = '链接已复制，请在浏览器中打开'

const start = appPerTest()

const report = (fields: Pick<NewsRecord, 'id' | 'source' | 'title' | 'date' | 'link'>): NewsRecord =>
  ({ ...fields, updatedBy: 'o-organiser', updatedAt: `${fields.date}T08:00:00.000Z` })
const WITH_LINK = report({ id: 'link0001', source: '质量时报', title: '质量月千家企业倡议活动启动', date: '2024-09-25', link: 'https://www.example.com/news/0925.html' })
const WITHOUT_LINK = report({ id: 'nolink01', source: '质量周刊', title: '企业质量诚信倡议书发布', date: '2024-09-24', link: null })
const ARTICLE = report({ id: 'mparti01', source: '质量月公众号', title: '一图读懂千家企业倡议', date: '2024-09-26', link: 'https://mp.weixin.qq.com/s/AbCdEf123' })

async function storeWith (...reports: NewsRecord[]) {
  const deps = { store: createMemoryStore(), contentCheck: createWordListChecker() }
  for (const saved of reports) await deps.store.putNews(saved)
  return deps
}

afterEach(() => { delete process.env[SETTING] })

test('the build reads TARO_APP_ARTICLE_WEBVIEW when it runs (no .env set it), so these tests can turn it on', () => {
  const scripts = fs.readdirSync(DIST).filter((file) => file.endsWith('.js')).map((file) => fs.readFileSync(path.join(DIST, file), 'utf8'))
  expect(scripts.some((code) => code.includes(`process.env.${SETTING}`))).toBe(true)
})

test('organisers\' reports, newest first, above the document\'s five', async () => {
  const { app, page } = await start({ deps: await storeWith(WITHOUT_LINK, WITH_LINK) })
  await page.waitForText(WITH_LINK.title)
  const entries = [WITH_LINK.id, WITHOUT_LINK.id, ...newsItems.map((item) => item.id)].map((id) => page.find(`#news-${id}`)!)
  expect(entries.every(Boolean)).toBe(true)
  for (let i = 1; i < entries.length; i++) {
    expect(entries[i - 1].compareDocumentPosition(entries[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  }
  expect(app.fake.record.cloudCalls.filter((call) => (call.data as { action: string }).action === 'news')).toHaveLength(1)
})

test('a report with a link: the link is shown, a tap copies it and the toast says to open it in a browser', async () => {
  const { app, page } = await start({ deps: await storeWith(WITH_LINK) })
  await page.waitForText(WITH_LINK.title)
  expect(page.find(`#news-${WITH_LINK.id}`)?.textContent).toContain(`点按复制链接${WITH_LINK.link}`)
  expect(page.attr(`#news-${WITH_LINK.id}`, 'ariaRole')).toBe('button')
  await page.tap(`#news-${WITH_LINK.id}`)
  expect(app.fake.record.clipboard).toEqual([WITH_LINK.link])
  expect(app.fake.record.toasts.at(-1)).toEqual({ title: COPIED, icon: 'none' })
  expect(app.fake.record.routes).toEqual([])
})

test('a report without a link, and each of the document\'s, is a list entry: a tap does nothing', async () => {
  const { app, page } = await start({ deps: await storeWith(WITHOUT_LINK) })
  await page.waitForText(WITHOUT_LINK.title)
  for (const id of [WITHOUT_LINK.id, ...newsItems.map((item) => item.id)]) {
    expect(page.attr(`#news-${id}`, 'ariaRole')).toBeUndefined()
    expect(page.find(`#news-${id}`)?.textContent).not.toContain('复制')
    await page.tap(`#news-${id}`)
  }
  expect(app.fake.record.routes).toEqual([])
  expect(app.fake.record.clipboard).toEqual([])
  expect(app.fake.record.toasts).toEqual([])
  expect(page.text()).not.toContain('暂无原文链接')
})

test('setting off (default): a 公众号 article is copied like any link', async () => {
  const { app, page } = await start({ deps: await storeWith(ARTICLE) })
  await page.waitForText(ARTICLE.title)
  await page.tap(`#news-${ARTICLE.id}`)
  expect(app.fake.record.clipboard).toEqual([ARTICLE.link])
  expect(app.fake.record.routes).toEqual([])
})

test('setting on: a 公众号 article opens in the web-view page; other links are still copied', async () => {
  process.env[SETTING] = '1'
  const { app, page } = await start({ deps: await storeWith(ARTICLE, WITH_LINK) })
  await page.waitForText(ARTICLE.title)
  expect(page.find(`#news-${ARTICLE.id}`)?.textContent).toContain('阅读原文')
  await page.tap(`#news-${WITH_LINK.id}`)
  expect(app.fake.record.clipboard).toEqual([WITH_LINK.link])

  await page.tap(`#news-${ARTICLE.id}`)
  const article = await app.waitForPage(ARTICLE_PAGE)
  expect(app.fake.record.routes).toEqual([{ api: 'navigateTo', url: `/${ARTICLE_PAGE}?url=${encodeURIComponent(ARTICLE.link!)}` }])
  await article.waitFor('#article-web-view')
  expect(article.attr('#article-web-view', 'src')).toBe(ARTICLE.link)
  expect(article.text()).not.toContain('无法在小程序中打开')
})

test('the web-view page, setting on, with an article that fails to load: its link to copy', async () => {
  process.env[SETTING] = '1'
  const { app, page } = await start({ path: ARTICLE_PAGE, query: { url: ARTICLE.link! } })
  await page.trigger('#article-web-view', 'error', { src: ARTICLE.link })
  await page.waitForText('无法在小程序中打开这篇文章')
  await page.tap('#article-copy')
  expect(app.fake.record.clipboard).toEqual([ARTICLE.link])
  expect(app.fake.record.toasts.at(-1)).toEqual({ title: COPIED, icon: 'none' })
})

test('the web-view page opens nothing but a 公众号 article, whatever its query says', async () => {
  process.env[SETTING] = '1'
  const { page } = await start({ path: ARTICLE_PAGE, query: { url: 'https://www.example.com/phish' } })
  await page.waitForText('链接可能有误或已失效')
  expect(page.find('#article-web-view')).toBeNull()
  expect(page.find('#article-copy')).toBeNull()
  expect(page.instance.onShareAppMessage).toBeUndefined()
})

test('an old shared link to the removed report page lands on 未找到页面', async () => {
  const { app } = await start({})
  app.appInstance.onPageNotFound?.({ path: 'pages/news/index', query: { id: newsItems[0].id }, isEntryPage: true })
  const page = await app.waitForPage('pages/not-found/index')
  await page.waitForText('你打开的链接可能有误或已失效')
})

test('in Moments\' single-page mode: the document\'s five, no call to the function', async () => {
  const { app, page } = await start({ path: HOME, scene: MOMENTS, deps: await storeWith(WITH_LINK) })
  await page.waitForText(newsItems[4].title)
  await app.settle()
  expect(page.text()).not.toContain(WITH_LINK.title)
  expect(app.fake.record.cloudCalls).toEqual([])
})

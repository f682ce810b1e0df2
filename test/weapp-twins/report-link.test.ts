import type { ReactElement, ReactNode } from 'react'
import type { WxFakeOptions } from '../support/wx-fake'
import { answers } from './cloud-replies'
import { onWeapp } from './taro-weapp'
import { WORDS } from '@/words'

// As Taro's weapp build aliases it: components are the mini-program's own tag names.
jest.mock('@tarojs/components', () => jest.requireActual('@tarojs/plugin-platform-weapp/dist/components-react'))

const ARTICLE_PAGE = 'subpackages/article/pages/web/index'
const APP = { pages: ['pages/index/index', ARTICLE_PAGE], tabs: ['pages/index/index'] }
const NEWS_SITE = 'https://www.people.com.cn/n1/2024/0923/c1004-40325.html'
const ARTICLE = 'https://mp.weixin.qq.com/s/AbCdEf123'
const SETTING = 'TARO_APP_ARTICLE_WEBVIEW'

type Element = ReactElement<{ children?: ReactNode; onClick?: () => Promise<boolean>; [key: string]: unknown }>

/** The text a rendered tree shows, as WeChat would lay it out. */
function textOf (node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return ''
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  if (Array.isArray(node)) return node.map(textOf).join('')
  return textOf((node as Element).props.children)
}

async function entryFor (link: string, options: WxFakeOptions = {}) {
  const loaded = await onWeapp(async () => ({
    ReportLink: (await import('@/pages/index/report-link.weapp')).default,
    ...(await import('@/services/news')),
    ...(await import('@/services/cloud-transport')),
  }), { app: APP, ...options })
  loaded.initCloud()
  const element = loaded.ReportLink({ id: 'news-abcd1234', link, className: 'news-list__item news-list__item--link', children: '报道标题', words: WORDS.news }) as Element
  return { ...loaded, element }
}

afterEach(() => { delete process.env[SETTING] })

test('a tap target read as a button, showing the link itself (a long press can still copy it)', async () => {
  const { element } = await entryFor(NEWS_SITE)
  expect(element.type).toBe('view')
  expect(element.props).toMatchObject({ id: 'news-abcd1234', ariaRole: 'button' })
  expect(textOf(element)).toBe(`报道标题点按复制链接${NEWS_SITE}`)
})

test('a tap copies the link and the toast says to open it in a browser', async () => {
  const { fake, element } = await entryFor(NEWS_SITE)
  await expect(element.props.onClick!()).resolves.toBe(true)
  expect(fake.record.clipboard).toEqual([NEWS_SITE])
  // Ours follows WeChat's own 内容已复制 and replaces it.
  expect(fake.record.toasts.at(-1)).toEqual({ title: '链接已复制，请在浏览器中打开', icon: 'none' })
  expect(fake.record.routes).toEqual([])
})

test('a copy refused at the privacy prompt says so and promises nothing', async () => {
  const { fake, element } = await entryFor(NEWS_SITE, { needPrivacyAuthorization: true })
  await expect(element.props.onClick!()).resolves.toBe(false)
  expect(fake.record.clipboard).toEqual([])
  expect(fake.record.toasts).toEqual([{ title: '复制失败，请长按链接手动复制', icon: 'none' }])
  expect(fake.record.toasts.map((toast) => toast.title)).not.toContain('链接已复制，请在浏览器中打开')
})

test('a 公众号 article is copied too while the README setting is off', async () => {
  const { fake, element } = await entryFor(ARTICLE)
  expect(textOf(element)).toContain('点按复制链接')
  await element.props.onClick!()
  expect(fake.record.clipboard).toEqual([ARTICLE])
  expect(fake.record.routes).toEqual([])
})

test('with TARO_APP_ARTICLE_WEBVIEW=1 an article opens in the web-view page, nothing copied; other sites are still copied', async () => {
  process.env[SETTING] = '1'
  const { fake, element } = await entryFor(ARTICLE)
  expect(textOf(element)).toBe('报道标题阅读原文')
  await expect(element.props.onClick!()).resolves.toBe(true)
  expect(fake.record.routes).toEqual([{ api: 'navigateTo', url: `/${ARTICLE_PAGE}?url=${encodeURIComponent(ARTICLE)}` }])
  expect(fake.record.clipboard).toEqual([])

  const other = await entryFor(NEWS_SITE)
  await other.element.props.onClick!()
  expect(other.fake.record.clipboard).toEqual([NEWS_SITE])
  expect(other.fake.record.routes).toEqual([])
})

test('organisers\' reports come from the function; in Moments\' single-page mode nothing is called', async () => {
  const report = { id: 'abcd1234', source: '人民网', title: '标题', date: '2024-09-25', link: null }
  const { fake, getNewsReports } = await entryFor(NEWS_SITE, { cloud: answers({ news: { reports: [report] } }) })
  await expect(getNewsReports()).resolves.toEqual([report])
  expect(fake.record.cloudCalls).toEqual([{ name: 'pledge', data: { action: 'news' } }])

  const moments = await entryFor(NEWS_SITE, { cloud: answers({ news: { reports: [report] } }), launch: { scene: 1154 } })
  await expect(moments.getNewsReports()).rejects.toMatchObject({ retryable: false })
  expect(moments.fake.record.cloudCalls).toEqual([])
})

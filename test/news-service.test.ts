import { ErrorCode } from '../cloud/core/protocol'
import { CloudError } from '@/services/cloud'
import { forgetNewsReports, getNewsReports, isArticleLink, linkHost, opensInWebView } from '@/services/news'
import { listNewsReports, removeNewsReport, saveNewsReport, setCompanyHidden } from '@/services/organiser-edits'
import { serveFunction } from './support/serve-function'

const ARTICLE = 'https://mp.weixin.qq.com/s/AbCdEf123'
const SETTING = 'TARO_APP_ARTICLE_WEBVIEW'

afterEach(() => {
  delete process.env[SETTING]
  forgetNewsReports()
})

describe('where a link leads', () => {
  test('a 公众号 article is an https link on mp.weixin.qq.com, nothing else', () => {
    expect(isArticleLink(ARTICLE)).toBe(true)
    expect(isArticleLink('https://MP.WEIXIN.QQ.COM/s?__biz=1')).toBe(true)
    for (const link of ['http://mp.weixin.qq.com/s/x', 'https://mp.weixin.qq.com.evil.cn/s/x', 'https://www.people.com.cn/', 'https://weixin.qq.com/']) {
      expect(isArticleLink(link)).toBe(false)
    }
  })

  test('README\'s setting: off unless TARO_APP_ARTICLE_WEBVIEW is 1; only then does an article open in the web-view', () => {
    expect(opensInWebView(ARTICLE)).toBe(false)
    for (const value of ['', '0', 'true', 'yes']) {
      process.env[SETTING] = value
      expect(opensInWebView(ARTICLE)).toBe(false)
    }
    process.env[SETTING] = '1'
    expect(opensInWebView(ARTICLE)).toBe(true)
    expect(opensInWebView('https://www.people.com.cn/n1/2024/0923/c1.html')).toBe(false)
  })

  test('the site a link names', () => {
    expect(linkHost('https://www.people.com.cn/n1/2024/0923/c1.html')).toBe('www.people.com.cn')
    expect(linkHost('https://example.com?x=1')).toBe('example.com')
    expect(linkHost('https://example.com#top')).toBe('example.com')
  })
})

describe('organisers\' reports', () => {
  test('asked once per launch; a failure is asked again by the next caller', async () => {
    const { calls } = serveFunction()
    const fetchMock = global.fetch as jest.Mock
    const real = fetchMock.getMockImplementation()!
    fetchMock.mockImplementationOnce(async () => ({ status: 200, json: async () => ({ code: ErrorCode.INTERNAL, message: '服务暂时不可用', data: null }) }))
    await expect(getNewsReports()).rejects.toBeInstanceOf(CloudError)
    fetchMock.mockImplementation(real)
    await expect(getNewsReports()).resolves.toEqual([])
    await expect(getNewsReports()).resolves.toEqual([])
    expect(calls).toEqual(['news'])
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  test('an organiser\'s save or removal makes the next read ask again; the organiser view always asks', async () => {
    const { deps, calls } = serveFunction('o-organiser')
    Object.assign(deps, { isAdmin: (identity: string) => identity === 'o-organiser' })
    await getNewsReports()
    const report = await saveNewsReport({ source: '质量时报', title: '倡议活动启动', date: '2024-09-25', link: 'https://www.example.com/a' })
    expect(report).toEqual({ id: expect.stringMatching(/^[0-9a-z]{8}$/), source: '质量时报', title: '倡议活动启动', date: '2024-09-25', link: 'https://www.example.com/a' })
    await expect(getNewsReports()).resolves.toEqual([report])
    await removeNewsReport(report.id)
    await expect(getNewsReports()).resolves.toEqual([])
    await expect(listNewsReports()).resolves.toEqual([])
    expect(calls).toEqual(['news', 'saveNews', 'news', 'removeNews', 'news', 'news'])
  })

  test('the function\'s validation message is what a bad report rejects with', async () => {
    const { deps } = serveFunction('o-organiser')
    Object.assign(deps, { isAdmin: () => true })
    await expect(saveNewsReport({ source: '质量时报', title: '标题', date: '2024-09-25', link: 'http://www.example.com/a' }))
      .rejects.toMatchObject({ code: ErrorCode.INVALID_NEWS, message: '报道链接应为完整网址，以 https:// 开头' })
    await expect(saveNewsReport({ source: '', title: '标题', date: '2024-09-25' }))
      .rejects.toMatchObject({ message: '媒体名称不能为空' })
  })

  test('hiding a name sends the name and the wish; not an organiser: the function refuses', async () => {
    const { deps, calls } = serveFunction('o-someone')
    await expect(setCompanyHidden('示范企业', true)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN })
    Object.assign(deps, { isAdmin: () => true })
    await expect(setCompanyHidden('示范企业', true)).resolves.toEqual({ company: '示范企业', hidden: true })
    expect((await deps.store.listHidden(10)).map((mark) => mark.company)).toEqual(['示范企业'])
    await expect(setCompanyHidden('示范企业', false)).resolves.toEqual({ company: '示范企业', hidden: false })
    expect(calls).toEqual(['hideCompany', 'hideCompany', 'hideCompany'])
  })
})

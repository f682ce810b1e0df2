import { act, waitFor, within } from '@testing-library/react'
import { safeExecute } from '@tarojs/runtime'
import type { NewsRecord } from '../cloud/core/store'
import { newsItems } from '@/content'
import HomePage from '@/pages/index'
import { ROUTES } from '@/services/navigation'
import { forgetNewsReports } from '@/services/news'
import { formatMonthDay } from '@/utils/format-date'
import { renderPage } from './support/render-page'
import { serveFunction } from './support/serve-function'

/** Reports as an organiser saved them (the function core's own records). */
const WITH_LINK: NewsRecord = {
  id: 'link0001', source: '质量时报', title: '质量月千家企业倡议活动启动', date: '2024-09-25',
  link: 'https://www.example.com/news/2024/0925.html', updatedBy: 'o-organiser', updatedAt: '2024-09-25T08:00:00.000Z',
}
const WITHOUT_LINK: NewsRecord = {
  id: 'nolink01', source: '质量周刊', title: '企业质量诚信倡议书发布', date: '2024-09-24',
  link: null, updatedBy: 'o-organiser', updatedAt: '2024-09-24T08:00:00.000Z',
}

const entry = (id: string) => document.getElementById(`news-${id}`)!
const entryIds = () => [...document.querySelectorAll('.news-list__item')].map((element) => element.id)

async function showHome () {
  const view = renderPage(HomePage, { path: ROUTES.home })
  await act(async () => { safeExecute(ROUTES.home, 'onShow') })
  return view
}

beforeEach(() => {
  localStorage.clear()
  forgetNewsReports()
})

test('organisers\' reports come first, newest first, above the document\'s five', async () => {
  const { deps, calls } = serveFunction()
  await deps.store.putNews(WITHOUT_LINK)
  await deps.store.putNews(WITH_LINK)
  await showHome()
  await waitFor(() => expect(entryIds()).toEqual([
    `news-${WITH_LINK.id}`, `news-${WITHOUT_LINK.id}`, ...newsItems.map((item) => `news-${item.id}`),
  ]))
  const added = within(entry(WITH_LINK.id))
  added.getByText(WITH_LINK.title)
  added.getByText(WITH_LINK.source)
  added.getByText(formatMonthDay(WITH_LINK.date))
  expect(calls).toEqual(['news'])
})

test('in the browser a report with a link is a real link to it, in a new tab, and says so', async () => {
  const { deps } = serveFunction()
  await deps.store.putNews(WITH_LINK)
  await showHome()
  await waitFor(() => expect(document.getElementById(`news-${WITH_LINK.id}`)).not.toBeNull())
  const link = entry(WITH_LINK.id)
  expect(link.tagName).toBe('A')
  expect(link.getAttribute('href')).toBe(WITH_LINK.link)
  expect(link.getAttribute('target')).toBe('_blank')
  expect(link.getAttribute('rel')!.split(' ')).toContain('noopener')
  within(link).getByText('在新标签页打开')
  within(link).getByText('www.example.com')
  // Nothing WeChat-only is promised in the browser.
  expect(link.textContent).not.toMatch(/复制|小程序/)
})

test('a report without a link, and each of the document\'s, is a list entry: no link, no button', async () => {
  const { deps } = serveFunction()
  await deps.store.putNews(WITHOUT_LINK)
  await showHome()
  await waitFor(() => expect(document.getElementById(`news-${WITHOUT_LINK.id}`)).not.toBeNull())
  for (const id of [WITHOUT_LINK.id, ...newsItems.map((item) => item.id)]) {
    expect(entry(id).tagName).toBe('DIV')
    expect(entry(id).getAttribute('role')).toBeNull()
    expect(entry(id).querySelector('a, [role=button]')).toBeNull()
    expect(entry(id).textContent).not.toContain('打开')
  }
  // The document's titles exactly as it gives them, cut ones included.
  for (const item of newsItems) within(entry(item.id)).getByText(item.title)
})

test('asked once per launch: showing 首页 again asks nothing more', async () => {
  const { deps, calls } = serveFunction()
  await deps.store.putNews(WITH_LINK)
  await showHome()
  await waitFor(() => expect(document.getElementById(`news-${WITH_LINK.id}`)).not.toBeNull())
  await act(async () => { safeExecute(ROUTES.home, 'onShow') })
  await act(async () => { safeExecute(ROUTES.home, 'onShow') })
  expect(calls).toEqual(['news'])
})

test('after an organiser\'s change the next show asks again and lists it', async () => {
  const { deps, calls } = serveFunction()
  await showHome()
  await waitFor(() => expect(calls).toEqual(['news']))
  await deps.store.putNews(WITH_LINK)
  forgetNewsReports()
  await act(async () => { safeExecute(ROUTES.home, 'onShow') })
  await waitFor(() => expect(document.getElementById(`news-${WITH_LINK.id}`)).not.toBeNull())
  expect(calls).toEqual(['news', 'news'])
})

test('when the function cannot be reached, the document\'s five are listed and nothing else is said', async () => {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
  try {
    global.fetch = jest.fn(async () => { throw new TypeError('Failed to fetch') }) as unknown as typeof fetch
    await showHome()
    // Past every retry of the call.
    await act(async () => { await jest.advanceTimersByTimeAsync(5000) })
    expect(global.fetch).toHaveBeenCalledTimes(3)
    expect(entryIds()).toEqual(newsItems.map((item) => `news-${item.id}`))
    expect(document.querySelector('.news-list')!.textContent).not.toMatch(/网络|失败|重试/)
  } finally {
    jest.useRealTimers()
  }
})

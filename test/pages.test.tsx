import { fireEvent, screen, within } from '@testing-library/react'
import { safeExecute } from '@tarojs/runtime'
import { allSections, newsItems, proposal, campaign } from '@/content'
import { SHARE_COVERS } from '@/hooks/use-page-share'
import HomePage from '@/pages/index'
import NewsPage, { NewsDetail } from '@/pages/news'
import NotFoundPage from '@/pages/not-found'
import ProposalPage from '@/pages/proposal'
import { ROUTES } from '@/services/navigation'
import { readFontScale } from '@/services/preferences'
import { formatFullDate, formatMonthDay } from '@/utils/format-date'
import { renderPage } from './support/render-page'

/** What WeChat gets when the reader shares the open page to a friend and to Moments. */
const shares = (path: string) => ({
  friend: safeExecute(path, 'onShareAppMessage', { from: 'menu' }),
  moments: safeExecute(path, 'onShareTimeline'),
})

const byId = (container: HTMLElement, id: string) => {
  const element = container.querySelector<HTMLElement>(`[id="${id}"]`)
  if (!element) throw new Error(`no element #${id}`)
  return element
}

beforeEach(() => {
  localStorage.clear()
})

describe('倡议书 page', () => {
  test('shows the title, a table of contents and all six sections', () => {
    const { container } = renderPage(ProposalPage, { path: ROUTES.proposal })
    expect(byId(container, 'proposal-title').textContent).toBe(proposal.title)
    expect(shares(ROUTES.proposal).friend).toEqual({ title: proposal.title, path: ROUTES.proposal, imageUrl: SHARE_COVERS.friend })

    const toc = within(byId(container, 'proposal-toc'))
    toc.getByText('目录')
    for (const group of proposal.groups) toc.getByText(group.name)
    const body = within(container.querySelector<HTMLElement>('.proposal__body')!)
    for (const section of allSections()) {
      toc.getByText(section.heading)
      body.getByText(section.heading)
    }
    expect(container.querySelectorAll('.proposal__heading')).toHaveLength(6)
    expect(container.querySelectorAll('.proposal-toc__item')).toHaveLength(6)
  })

  test('tapping 特大 enlarges the text and remembers the choice', () => {
    const { container, unmount } = renderPage(ProposalPage, { path: ROUTES.proposal })
    const page = container.querySelector('.proposal')!
    expect(page.classList).toContain('proposal--standard')

    fireEvent.click(screen.getByText('特大'))

    expect(page.classList).toContain('proposal--xlarge')
    expect(page.classList).not.toContain('proposal--standard')
    expect(screen.getByText('特大').className).toContain('font-size-control__option--active')
    expect(readFontScale()).toBe('xlarge')

    unmount()
    const again = renderPage(ProposalPage, { path: ROUTES.proposal })
    expect(again.container.querySelector('.proposal')!.classList).toContain('proposal--xlarge')
  })
})

describe('报道 page', () => {
  test.each(newsItems.map((item) => [item.id, item] as const))('%s shows source, title and date, and says there is no link', (id, item) => {
    const { container } = renderPage(NewsPage, { path: ROUTES.news, params: { id } })
    expect(byId(container, 'news-title').textContent).toBe(item.title)
    expect(byId(container, 'news-source').textContent).toBe(item.source)
    expect(byId(container, 'news-date').textContent).toBe(formatFullDate(item.date))
    screen.getByText(/暂无原文链接/)
    expect(screen.queryByText('复制链接')).toBeNull()
    expect(screen.queryByText('未找到这篇报道')).toBeNull()
  })

  test('says when the title was cut short in the source', () => {
    const cut = newsItems.find((item) => item.title.endsWith('…'))!
    renderPage(NewsPage, { path: ROUTES.news, params: { id: cut.id } })
    screen.getByText(/以“…”截断/)
  })

  test.each([['an unknown id', { id: 'n999' }], ['no id', {}]])('with %s shows 未找到这篇报道', (_what, params) => {
    renderPage(NewsPage, { path: ROUTES.news, params })
    screen.getByText('未找到这篇报道')
    screen.getByText('返回首页')
    expect(screen.queryByText(/暂无原文链接/)).toBeNull()
  })

  test('shares the report itself', () => {
    const item = newsItems[1]
    renderPage(NewsPage, { path: ROUTES.news, params: { id: item.id } })
    expect(shares(ROUTES.news)).toEqual({
      friend: { title: item.title, path: `${ROUTES.news}?id=${item.id}`, imageUrl: SHARE_COVERS.friend },
      moments: { title: item.title, query: `id=${item.id}`, imageUrl: SHARE_COVERS.moments },
    })
  })

  test('an unknown report shares the home page, not the dead end', () => {
    renderPage(NewsPage, { path: ROUTES.news, params: { id: 'n999' } })
    expect(shares(ROUTES.news)).toEqual({
      friend: { title: campaign.pageTitle, path: ROUTES.home, imageUrl: SHARE_COVERS.friend },
      moments: { title: campaign.pageTitle, query: undefined, imageUrl: SHARE_COVERS.moments },
    })
  })

  test('a report with a link offers 复制链接', () => {
    const item = { ...newsItems[0], url: 'https://www.people.com.cn/' }
    renderPage(() => <NewsDetail item={item} />, { path: ROUTES.news })
    screen.getByText(item.url)
    screen.getByText('复制链接')
    expect(screen.queryByText(/暂无原文链接/)).toBeNull()
  })
})

describe('首页', () => {
  test('shows the theme and both slogans', () => {
    const { container } = renderPage(HomePage, { path: ROUTES.home })
    expect(byId(container, 'home-theme').textContent).toBe(campaign.theme)
    for (const slogan of campaign.slogans) screen.getByText(slogan)
  })

  test('lists every report with its source and month-day date', () => {
    const { container } = renderPage(HomePage, { path: ROUTES.home })
    expect(within(byId(container, `news-${newsItems[0].id}`)).getByText('9月23日')).toBeTruthy()
    for (const item of newsItems) {
      const entry = within(byId(container, `news-${item.id}`))
      entry.getByText(item.title)
      entry.getByText(item.source)
      entry.getByText(formatMonthDay(item.date))
    }
    expect(container.querySelectorAll('.news-list__item')).toHaveLength(newsItems.length)
  })
})

describe('未找到 page', () => {
  test('explains and offers the way home', () => {
    renderPage(NotFoundPage, { path: ROUTES.notFound })
    screen.getByText('未找到页面')
    screen.getByText('返回首页')
  })

  test('shares the home page', () => {
    renderPage(NotFoundPage, { path: ROUTES.notFound })
    expect(shares(ROUTES.notFound).friend).toEqual({ title: campaign.pageTitle, path: ROUTES.home, imageUrl: SHARE_COVERS.friend })
  })
})

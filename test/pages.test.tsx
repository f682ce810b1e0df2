import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { safeExecute } from '@tarojs/runtime'
import { allSections, newsItems, proposal, campaign, toHant } from '@/content'
import { SHARE_COVERS } from '@/hooks/use-page-share'
import HomePage from '@/pages/index'
import NotFoundPage from '@/pages/not-found'
import ProposalPage from '@/pages/proposal'
import { ROUTES } from '@/services/navigation'
import { readFontScale, readScript } from '@/services/preferences'
import { formatMonthDay } from '@/utils/format-date'
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
    // The page frame's root carries the reading size.
    const page = container.querySelector('.qm-page')!
    expect(page.querySelector('.proposal')).not.toBeNull()
    expect([...page.classList].filter((name) => name.startsWith('qm-page--'))).toEqual([])

    fireEvent.click(screen.getByText('特大'))

    expect(page.classList).toContain('qm-page--xlarge')
    expect(screen.getByText('特大').className).toContain('segmented-control__option--active')
    expect(screen.getByText('特大').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('特大').getAttribute('aria-label')).toBe('特大字号')
    expect(screen.getByText('标准').getAttribute('aria-checked')).toBe('false')
    expect(readFontScale()).toBe('xlarge')

    unmount()
    const again = renderPage(ProposalPage, { path: ROUTES.proposal })
    expect(again.container.querySelector('.qm-page')!.classList).toContain('qm-page--xlarge')
  })
})

describe('简繁 on the 倡议书 page', () => {
  const heading = allSections()[0].heading

  test('offers 简体 and 繁體 next to the size control, 简体 first and chosen', () => {
    const { container } = renderPage(ProposalPage, { path: ROUTES.proposal })
    const tools = container.querySelector<HTMLElement>('.proposal__tools')!
    expect([...tools.children].map((control) => control.getAttribute('aria-label'))).toEqual(['字号', '简繁'])
    const hans = byId(container, 'script-hans')
    const hant = byId(container, 'script-hant')
    expect([hans.textContent, hant.textContent]).toEqual(['简体', '繁體'])
    expect([hans.getAttribute('role'), hans.getAttribute('aria-label'), hans.getAttribute('aria-checked')]).toEqual(['radio', '简体中文', 'true'])
    expect([hant.getAttribute('role'), hant.getAttribute('aria-label'), hant.getAttribute('aria-checked')]).toEqual(['radio', '繁體中文', 'false'])
    expect(hans.className).toContain('segmented-control__option--active')
  })

  test('choosing 繁體 shows the proposal in traditional characters and remembers it', () => {
    const { container, unmount } = renderPage(ProposalPage, { path: ROUTES.proposal })
    fireEvent.click(byId(container, 'script-hant'))

    const title = byId(container, 'proposal-title').textContent!
    expect(title).toBe(toHant(proposal.title))
    expect(title).toContain('質量')
    expect(title).not.toContain('质')
    const body = within(container.querySelector<HTMLElement>('.proposal__body')!)
    body.getByText(toHant(heading))
    expect(body.queryByText(heading)).toBeNull()
    within(byId(container, 'proposal-toc')).getByText('企業界')
    expect(byId(container, 'script-hant').getAttribute('aria-checked')).toBe('true')
    expect(byId(container, 'script-hant').className).toContain('segmented-control__option--active')
    expect(readScript()).toBe('hant')
    // Anchors and the share card do not change with the script.
    expect(container.querySelector(`[id="proposal-${allSections()[0].id}"]`)).not.toBeNull()
    expect(shares(ROUTES.proposal).friend).toEqual({ title: proposal.title, path: ROUTES.proposal, imageUrl: SHARE_COVERS.friend })

    unmount()
    const again = renderPage(ProposalPage, { path: ROUTES.proposal })
    expect(byId(again.container, 'proposal-title').textContent).toBe(toHant(proposal.title))
    expect(byId(again.container, 'script-hant').getAttribute('aria-checked')).toBe('true')

    fireEvent.click(byId(again.container, 'script-hans'))
    expect(byId(again.container, 'proposal-title').textContent).toBe(proposal.title)
    expect(readScript()).toBe('hans')
  })

  test('繁體 is the whole interface: headings, controls, the tab bar, the call and the navigation title', async () => {
    const setTitle = jest.spyOn(Taro, 'setNavigationBarTitle')
    const { container } = renderPage(HomePage, { path: ROUTES.home })
    fireEvent.click(byId(container, 'script-hant'))
    const page = within(container)
    for (const word of ['倡議書全文', '活動海報', '媒體報道', '閲讀設置', '字號', '標準', '響應倡議，去承諾']) page.getByText(word)
    const tabs = within(page.getByRole('navigation', { name: '主導航' }))
    expect(tabs.getAllByRole('link').map((link) => link.textContent)).toEqual(['首頁', '倡議書', '承諾'])
    // Each script's name stays in its own script, so a reader can find the way back.
    expect(byId(container, 'script-hans').textContent).toBe('简体')
    await waitFor(() => expect(setTitle).toHaveBeenCalledWith({ title: '全國質量月' }))
    jest.restoreAllMocks()
  })

  test('首页 follows a change made on the 倡议书 page at once, and on showing again', () => {
    const home = renderPage(HomePage, { path: ROUTES.home })
    expect(byId(home.container, 'home-theme').textContent).toBe(campaign.theme)

    const page = renderPage(ProposalPage, { path: ROUTES.proposal })
    fireEvent.click(byId(page.container, 'script-hant'))
    // Tab pages stay mounted: 首页 changes with it, so it is never seen in the old script.
    expect(byId(home.container, 'home-theme').textContent).toBe(toHant(campaign.theme))

    act(() => { safeExecute(ROUTES.home, 'onShow') })
    expect(byId(home.container, 'home-theme').textContent).toBe(toHant(campaign.theme))
    expect(byId(home.container, 'home-theme').textContent).toBe('加強質量支撐 共建質量強國')
    within(byId(home.container, `news-${newsItems[0].id}`)).getByText(toHant(newsItems[0].title))
    expect(byId(home.container, 'script-hant').getAttribute('aria-checked')).toBe('true')
  })
})

describe('首页', () => {
  test('shows the theme and both slogans', () => {
    const { container } = renderPage(HomePage, { path: ROUTES.home })
    expect(byId(container, 'home-theme').textContent).toBe(campaign.theme)
    for (const slogan of campaign.slogans) screen.getByText(slogan)
  })

  test('ends with 阅读设置: the size and the 简繁 controls, which change the saved choices', () => {
    const { container } = renderPage(HomePage, { path: ROUTES.home })
    const reading = within(byId(container, 'home-reading'))
    reading.getByText('阅读设置')
    // Last on the page; in the browser only the tab bar (fixed to the screen's bottom) follows.
    expect(container.querySelector('.home > .qm-tab-bar__placeholder')!.previousElementSibling).toBe(byId(container, 'home-reading'))

    fireEvent.click(reading.getByText('特大'))
    expect(readFontScale()).toBe('xlarge')
    fireEvent.click(byId(container, 'script-hant'))
    expect(readScript()).toBe('hant')
    for (const slogan of campaign.slogans) screen.getByText(toHant(slogan))
    expect(shares(ROUTES.home).friend).toEqual({ title: campaign.pageTitle, path: ROUTES.home, imageUrl: SHARE_COVERS.friend })
  })

  test('lists every report with its source and month-day date; none leads anywhere (the document gives no link)', () => {
    const { container } = renderPage(HomePage, { path: ROUTES.home })
    expect(within(byId(container, `news-${newsItems[0].id}`)).getByText('9月23日')).toBeTruthy()
    for (const item of newsItems) {
      const entry = byId(container, `news-${item.id}`)
      within(entry).getByText(item.title)
      within(entry).getByText(item.source)
      within(entry).getByText(formatMonthDay(item.date))
      expect(entry.getAttribute('role')).toBeNull()
      expect(entry.closest('a')).toBeNull()
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

import Taro from '@tarojs/taro'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import TabBar from '@/components/tab-bar'
import { ROUTES, TABS } from '@/services/navigation'
import { WORDS } from '@/words'
import { renderPage } from './support/render-page'

test('the browser tab bar lists the pages and words app.config.ts gives WeChat, in its order', () => {
  ;(globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.config.ts is a config, read after its global
  const config = require('@/app.config').default as { tabBar: { custom: boolean, list: Array<{ pagePath: string, text: string }> } }
  expect(TABS.map((tab) => ({ pagePath: ROUTES[tab].slice(1), text: WORDS.tabs[tab] }))).toEqual(config.tabBar.list)
  expect(config.tabBar.custom).toBe(true)
})

test('links to the three tabs, the open one marked as the current page; a tap switches tab', async () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
  // The page stack as it is once the switch has happened: the route has settled.
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: ROUTES.pledge.slice(1) }] as ReturnType<typeof Taro.getCurrentPages>)
  renderPage(() => <TabBar current='proposal' />, { path: ROUTES.proposal })
  const nav = screen.getByRole('navigation', { name: '主导航' })
  const links = screen.getAllByRole('link')
  expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('aria-current')])).toEqual([
    ['首页', `#${ROUTES.home}`, null],
    ['倡议书', `#${ROUTES.proposal}`, 'page'],
    ['承诺', `#${ROUTES.pledge}`, null],
  ])
  expect(links.every((link) => nav.contains(link))).toBe(true)

  fireEvent.click(links[1])
  expect(switchTab).not.toHaveBeenCalled()
  // The link is for readers and keyboards; the switch goes through Taro, not the URL.
  expect(fireEvent.click(links[2])).toBe(false)
  await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: ROUTES.pledge }))
  jest.restoreAllMocks()
})

import Taro from '@tarojs/taro'

/** Every path the app can open, so pages never spell URLs by hand. */
export const ROUTES = {
  home: '/pages/index/index',
  proposal: '/pages/proposal/index',
  pledge: '/pages/pledge/index',
  news: '/pages/news/index',
  notFound: '/pages/not-found/index',
  posters: '/subpackages/poster/pages/gallery/index',
  myPoster: '/subpackages/poster/pages/personal/index',
  organiser: '/subpackages/poster/pages/organiser/index',
} as const

export type Tab = 'home' | 'proposal' | 'pledge'

/** The tab bar, in app.config.ts's order and words (test/tab-bar.test.tsx keeps them equal). */
export const TABS: ReadonlyArray<{ tab: Tab, text: string }> = [
  { tab: 'home', text: '首页' },
  { tab: 'proposal', text: '倡议书' },
  { tab: 'pledge', text: '我的承诺' },
]

/**
 * A route that did not happen resolves false instead of rejecting into nobody's hands: WeChat tells
 * the person itself (a Moments single-page shows 请前往小程序使用完整服务).
 */
function go (route: Promise<unknown>): Promise<boolean> {
  return route.then(() => true, () => false)
}

/** Switches to one of the three tab-bar pages. */
export function openTab (tab: Tab) {
  return go(Taro.switchTab({ url: ROUTES[tab] }))
}

/** Opens the in-app detail of one media report. */
export function openNews (id: string) {
  return go(Taro.navigateTo({ url: `${ROUTES.news}?id=${encodeURIComponent(id)}` }))
}

/** Opens the poster gallery (a subpackage, loaded on first visit). */
export function openPosters () {
  return go(Taro.navigateTo({ url: ROUTES.posters }))
}

/** Opens my pledge poster (same subpackage as the gallery). */
export function openMyPoster () {
  return go(Taro.navigateTo({ url: ROUTES.myPoster }))
}

/** Opens the organiser view (in the poster subpackage; only organisers see the entry). */
export function openOrganiser () {
  return go(Taro.navigateTo({ url: ROUTES.organiser }))
}

/** Replaces an unknown page with the friendly "未找到" page. */
export function showNotFound () {
  return go(Taro.redirectTo({ url: ROUTES.notFound }))
}

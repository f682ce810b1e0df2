import Taro from '@tarojs/taro'
import { toast } from './feedback'
import { isOnline } from './network'
import { wordsNow } from '@/words'

/** Every path the app can open, so pages never spell URLs by hand. */
export const ROUTES = {
  home: '/pages/index/index',
  proposal: '/pages/proposal/index',
  pledge: '/pages/pledge/index',
  notFound: '/pages/not-found/index',
  posters: '/subpackages/poster/pages/gallery/index',
  myPoster: '/subpackages/poster/pages/personal/index',
  organiser: '/subpackages/poster/pages/organiser/index',
  /** WeChat only (not in the browser build): a 公众号 article in a web-view. */
  article: '/subpackages/article/pages/web/index',
} as const

export type Tab = 'home' | 'proposal' | 'pledge'

/** The tab bar's pages, in app.config.ts's order (test/tab-bar.test.tsx keeps them equal). */
export const TABS: readonly Tab[] = ['home', 'proposal', 'pledge']
/** Longest a route may take to show its page; taps are taken again after it even if it never does. */
export const ROUTE_SETTLE_MAX_MS = 3000
/**
 * After a page shows it slides in (Taro's browser router: 300 ms, @tarojs/router loadAnimateStyle;
 * WeChat's is about as long) while the page below can still take a tap where it is not yet
 * covered: the rest of a burst there would open the page again. Taps to route wait this long.
 */
export const ROUTE_ANIMATION_MS = 300
const ROUTE_POLL_MS = 50

/**
 * Pages whose code is on the device from launch: WeChat installs the main package with the app
 * and downloads a subpackage on its first visit; a browser loads each page's script on its first visit.
 */
const INSTALLED = process.env.TARO_ENV === 'weapp' ? /^pages\// : null
/** Pages whose code has been loaded since launch, so they open without the network. */
const loaded = new Set<string>()
/** A route is running: another tap is ignored until its page shows (a burst of taps opens one page). */
let inFlight = false

const pathOf = (url: string) => url.replace(/^\//, '').split('?')[0]

function currentPaths (): string[] {
  return Taro.getCurrentPages().map((page) => pathOf(page.route ?? ''))
}

function canOpenOffline (path: string): boolean {
  for (const open of currentPaths()) loaded.add(open)
  return (INSTALLED?.test(path) ?? false) || loaded.has(path)
}

/**
 * WeChat answers a route once the new page has loaded (the opener's success callback can already
 * talk to it: wx.navigateTo, EventChannel); Taro's browser router answers when the address changes,
 * before the page's script has loaded, so the page stack is watched until the page is on top.
 */
function shown (path: string, deadline = Date.now() + ROUTE_SETTLE_MAX_MS): Promise<void> {
  const paths = currentPaths()
  if (paths[paths.length - 1] === path || Date.now() >= deadline) return Promise.resolve()
  return new Promise((resolve) => setTimeout(resolve, ROUTE_POLL_MS)).then(() => shown(path, deadline))
}

/**
 * Runs one route at a time, and resolves whether it happened. While one runs, another is ignored
 * (false). Offline, a page whose code would have to be downloaded is not tried: the toast says why.
 * A failed route resolves false instead of rejecting into nobody's hands: WeChat tells the person
 * itself (a Moments single-page shows 请前往小程序使用完整服务).
 */
function go (url: string, route: (url: string) => Promise<unknown>): Promise<boolean> {
  if (inFlight) return Promise.resolve(false)
  inFlight = true
  const path = pathOf(url)
  const done = (happened: boolean) => {
    if (happened) setTimeout(() => { inFlight = false }, ROUTE_ANIMATION_MS)
    else inFlight = false
    return happened
  }
  return Promise.resolve()
    .then(() => canOpenOffline(path) || isOnline())
    .then((online) => {
      if (!online) {
        void toast(wordsNow().common.offline)
        return false
      }
      return route(url).then(() => {
        loaded.add(path)
        return shown(path).then(() => true)
      }, () => false)
    })
    // The network state or the page stack could not be read: nothing happened, and taps go on.
    .then(done, () => done(false))
}

/** Switches to one of the three tab-bar pages. */
export function openTab (tab: Tab) {
  return go(ROUTES[tab], (url) => Taro.switchTab({ url }))
}

/** Opens the poster gallery (a subpackage, loaded on first visit). */
export function openPosters () {
  return go(ROUTES.posters, (url) => Taro.navigateTo({ url }))
}

/** Opens my pledge poster (same subpackage as the gallery). */
export function openMyPoster () {
  return go(ROUTES.myPoster, (url) => Taro.navigateTo({ url }))
}

/** Opens the organiser view (in the poster subpackage; only organisers see the entry). */
export function openOrganiser () {
  return go(ROUTES.organiser, (url) => Taro.navigateTo({ url }))
}

/** Opens a 公众号 article in the web-view page (a subpackage of its own; WeChat only). */
export function openArticle (link: string) {
  return go(`${ROUTES.article}?url=${encodeURIComponent(link)}`, (url) => Taro.navigateTo({ url }))
}

/** Replaces an unknown page with the friendly "未找到" page (the platform asks; no tap to guard). */
export function showNotFound () {
  return Taro.redirectTo({ url: ROUTES.notFound }).then(() => true, () => false)
}

import theme from './theme.json'
import { TAB_LABELS, TITLES } from './words/titles'

// WeChat draws the navigation and tab bars: in dark mode it takes their colours from theme.json
// (@names below). The H5 build has no theme.json; its bars follow the light values and CSS.
const themed = process.env.TARO_ENV === 'weapp'
const color = (name: keyof typeof theme.light) => (themed ? `@${name}` : theme.light[name])

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/proposal/index',
    'pages/pledge/index',
    'pages/not-found/index',
  ],
  // Tab-bar pages must stay in the main package; the posters are reached from 首页 and 承诺.
  subPackages: [
    // Every canvas page shares this subpackage and its poster engine (organiser: the event codes).
    { root: 'subpackages/poster', pages: ['pages/gallery/index', 'pages/personal/index', 'pages/organiser/index'] },
    // A 公众号 article in a web-view (README: TARO_APP_ARTICLE_WEBVIEW); browsers open links themselves.
    ...(process.env.TARO_ENV === 'weapp' ? [{ root: 'subpackages/article', pages: ['pages/web/index'] }] : []),
  ],
  ...(themed ? { darkmode: true, themeLocation: 'theme.json' } : {}),
  window: {
    backgroundTextStyle: color('bgText') as 'dark',
    navigationBarBackgroundColor: color('navBg'),
    navigationBarTitleText: TITLES.app,
    navigationBarTextStyle: color('navText') as 'black',
    backgroundColor: color('bg'),
  },
  tabBar: {
    // The browser's is drawn by the pages (components/tab-bar): Taro's H5 one is a slow web component.
    custom: process.env.TARO_ENV === 'h5',
    color: color('tabColor'),
    selectedColor: color('tabSelected'),
    backgroundColor: color('tabBg'),
    borderStyle: color('tabBorder') as 'black',
    list: [
      { pagePath: 'pages/index/index', text: TAB_LABELS.home },
      { pagePath: 'pages/proposal/index', text: TAB_LABELS.proposal },
      { pagePath: 'pages/pledge/index', text: TAB_LABELS.pledge },
    ],
  },
})

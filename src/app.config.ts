export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/proposal/index',
    'pages/pledge/index',
    'pages/news/index',
    'pages/not-found/index',
  ],
  // Tab-bar pages must stay in the main package; the posters are reached from 首页 and 我的承诺.
  subPackages: [
    // Every canvas page shares this subpackage and its poster engine (organiser: the event codes).
    { root: 'subpackages/poster', pages: ['pages/gallery/index', 'pages/personal/index', 'pages/organiser/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '全国质量月',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/proposal/index', text: '倡议书' },
      { pagePath: 'pages/pledge/index', text: '我的承诺' },
    ],
  },
})

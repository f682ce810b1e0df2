/**
 * The words WeChat draws itself, from app.config.ts and the page configs, which Taro reads at
 * build time (so this file imports nothing); the pages set them again in 繁體 (services/bars).
 */
export const TITLES = {
  app: '全国质量月',
  home: '全国质量月',
  proposal: '倡议书',
  pledge: '承诺',
  notFound: '未找到页面',
  gallery: '活动海报',
  personal: '我的承诺海报',
  organiser: '组织者后台',
  article: '公众号文章',
}

/** The tab bar, in app.config.ts's order. */
export const TAB_LABELS = { home: '首页', proposal: '倡议书', pledge: '承诺' }

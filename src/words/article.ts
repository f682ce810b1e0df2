/**
 * The article subpackage's words (a 公众号 article in a web-view, WeChat only): imported only from
 * src/subpackages/article, so they stay in that subpackage.
 */
export const ARTICLE_WORDS = {
  cannotOpen: '无法在小程序中打开这篇文章',
  badLink: '链接可能有误或已失效。',
  copyHint: '可以复制链接，在浏览器中打开。',
  copy: '复制链接',
}

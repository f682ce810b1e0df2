export default definePageConfig({
  // WeChat replaces it with the article's own title once the web-view has loaded it.
  navigationBarTitleText: '公众号文章',
})

import { TITLES } from '../../../../words/titles'

export default definePageConfig({
  // WeChat replaces it with the article's own title once the web-view has loaded it.
  navigationBarTitleText: TITLES.article,
})

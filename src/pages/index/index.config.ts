import { TITLES } from '../../words/titles'

export default definePageConfig({
  navigationBarTitleText: TITLES.home,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

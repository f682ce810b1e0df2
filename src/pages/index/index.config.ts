import { TITLES } from '../../words/bars'

export default definePageConfig({
  navigationBarTitleText: TITLES.home,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

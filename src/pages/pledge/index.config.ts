import { TITLES } from '../../words/bars'

export default definePageConfig({
  navigationBarTitleText: TITLES.pledge,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

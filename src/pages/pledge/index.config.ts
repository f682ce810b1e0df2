import { TITLES } from '../../words/titles'

export default definePageConfig({
  navigationBarTitleText: TITLES.pledge,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

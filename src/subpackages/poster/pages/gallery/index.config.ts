import { TITLES } from '../../../../words/bars'

export default definePageConfig({
  navigationBarTitleText: TITLES.gallery,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

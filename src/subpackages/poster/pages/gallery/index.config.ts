import { TITLES } from '../../../../words/titles'

export default definePageConfig({
  navigationBarTitleText: TITLES.gallery,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

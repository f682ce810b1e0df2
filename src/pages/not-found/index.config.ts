import { TITLES } from '../../words/titles'

export default definePageConfig({
  navigationBarTitleText: TITLES.notFound,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

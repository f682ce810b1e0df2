import { TITLES } from '../../words/bars'

export default definePageConfig({
  navigationBarTitleText: TITLES.notFound,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

import { TITLES } from '../../words/bars'

export default definePageConfig({
  navigationBarTitleText: TITLES.proposal,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

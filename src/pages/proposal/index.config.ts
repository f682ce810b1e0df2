import { TITLES } from '../../words/titles'

export default definePageConfig({
  navigationBarTitleText: TITLES.proposal,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

import { TITLES } from '../../../../words/titles'

export default definePageConfig({
  navigationBarTitleText: TITLES.organiser,
  enableShareAppMessage: true,
  // No Moments share: in its single-page mode there is no login, so nothing here would work.
})

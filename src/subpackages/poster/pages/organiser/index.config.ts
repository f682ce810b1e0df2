export default definePageConfig({
  navigationBarTitleText: '组织者后台',
  enableShareAppMessage: true,
  // No Moments share: in its single-page mode there is no login, so nothing here would work.
})

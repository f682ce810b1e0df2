export default definePageConfig({
  navigationBarTitleText: '我的承诺海报',
  enableShareAppMessage: true,
  // No Moments share: in its single-page mode there is no login, so nothing here would work.
})

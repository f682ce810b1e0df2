export default definePageConfig({
  navigationBarTitleText: '组织者后台',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

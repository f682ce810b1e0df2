export default definePageConfig({
  navigationBarTitleText: '活动海报',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

export default definePageConfig({
  navigationBarTitleText: '倡议书',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

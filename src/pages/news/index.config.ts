export default definePageConfig({
  navigationBarTitleText: '媒体报道',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

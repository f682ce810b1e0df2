export default definePageConfig({
  navigationBarTitleText: '我的承诺海报',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

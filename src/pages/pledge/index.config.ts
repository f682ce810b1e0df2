export default definePageConfig({
  navigationBarTitleText: '我的承诺',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

export default definePageConfig({
  navigationBarTitleText: '承诺',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

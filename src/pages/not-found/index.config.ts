export default definePageConfig({
  navigationBarTitleText: '未找到页面',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

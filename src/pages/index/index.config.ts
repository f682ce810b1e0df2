export default definePageConfig({
  navigationBarTitleText: '全国质量月',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})

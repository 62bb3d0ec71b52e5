export default definePageConfig({
  navigationBarTitleText: '招聘活动',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

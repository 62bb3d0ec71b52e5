export default definePageConfig({
  navigationBarTitleText: '我的活动',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

export default definePageConfig({
  navigationBarTitleText: '权益维护',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

export default definePageConfig({
  navigationBarTitleText: '验票入场',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

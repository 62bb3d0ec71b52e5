export default definePageConfig({
  navigationBarTitleText: '就业创业政策',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

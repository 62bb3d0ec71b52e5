export default definePageConfig({
  navigationBarTitleText: '附近的零工',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

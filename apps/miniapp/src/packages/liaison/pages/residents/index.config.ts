export default definePageConfig({
  navigationBarTitleText: '居民名单',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

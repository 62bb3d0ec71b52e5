export default definePageConfig({
  navigationBarTitleText: '企业首页',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

export default definePageConfig({
  navigationBarTitleText: '用户管理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

export default definePageConfig({
  navigationBarTitleText: '注销申请',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

export default definePageConfig({
  navigationBarTitleText: '岗位审核',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

export default definePageConfig({
  navigationBarTitleText: '符合政策的村民',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
});

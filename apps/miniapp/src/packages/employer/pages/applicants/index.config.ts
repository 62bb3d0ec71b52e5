export default definePageConfig({
  navigationBarTitleText: '报名的人',
  enablePullDownRefresh: true,
});

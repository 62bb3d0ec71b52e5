export default definePageConfig({
  navigationBarTitleText: '我的零工',
  enablePullDownRefresh: true,
});

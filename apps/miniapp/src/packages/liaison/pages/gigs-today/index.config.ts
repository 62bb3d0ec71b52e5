export default definePageConfig({
  navigationBarTitleText: '今天的零工',
  enablePullDownRefresh: true,
});

export default definePageConfig({
  navigationBarTitleText: '共享用工',
  enablePullDownRefresh: true,
});

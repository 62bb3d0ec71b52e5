export default definePageConfig({
  navigationBarTitleText: '共享员工',
  enablePullDownRefresh: true,
});

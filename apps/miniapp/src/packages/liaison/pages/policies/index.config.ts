export default definePageConfig({
  navigationBarTitleText: '政策找人',
  enablePullDownRefresh: true,
});

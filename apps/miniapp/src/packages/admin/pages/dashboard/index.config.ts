export default definePageConfig({
  navigationBarTitleText: '就业统计',
  enablePullDownRefresh: true,
});

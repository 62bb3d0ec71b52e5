export default definePageConfig({
  navigationBarTitleText: '活动汇总',
  enablePullDownRefresh: true,
});

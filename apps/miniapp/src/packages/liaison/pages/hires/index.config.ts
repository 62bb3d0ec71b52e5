export default definePageConfig({
  navigationBarTitleText: '录用确认和村民投递',
  enablePullDownRefresh: true,
});

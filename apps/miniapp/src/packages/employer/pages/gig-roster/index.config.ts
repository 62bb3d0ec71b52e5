export default definePageConfig({
  navigationBarTitleText: '零工名单',
  enablePullDownRefresh: true,
});

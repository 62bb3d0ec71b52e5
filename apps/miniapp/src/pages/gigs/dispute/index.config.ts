export default definePageConfig({
  navigationBarTitleText: '工钱问题',
  enablePullDownRefresh: true,
});

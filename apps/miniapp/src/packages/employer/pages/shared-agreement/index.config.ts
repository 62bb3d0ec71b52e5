export default definePageConfig({
  navigationBarTitleText: '共享用工协议',
  enablePullDownRefresh: true,
});

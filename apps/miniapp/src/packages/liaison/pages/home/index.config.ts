export default definePageConfig({
  navigationBarTitleText: '联络员首页',
  enablePullDownRefresh: true,
});

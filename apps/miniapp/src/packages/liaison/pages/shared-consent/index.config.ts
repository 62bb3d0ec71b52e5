export default definePageConfig({
  navigationBarTitleText: '登记村民同意',
  enablePullDownRefresh: true,
});

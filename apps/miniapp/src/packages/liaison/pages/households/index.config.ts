export default definePageConfig({
  navigationBarTitleText: '代农户招零工',
  enablePullDownRefresh: true,
});

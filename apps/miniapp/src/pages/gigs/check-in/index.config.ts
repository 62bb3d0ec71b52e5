export default definePageConfig({
  navigationBarTitleText: '上工',
});

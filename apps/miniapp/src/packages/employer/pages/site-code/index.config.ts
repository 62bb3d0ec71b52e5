export default definePageConfig({
  navigationBarTitleText: '现场码',
});

export default definePageConfig({
  navigationBarTitleText: '枣工快递',
});

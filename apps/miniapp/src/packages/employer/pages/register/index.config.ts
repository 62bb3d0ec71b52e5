export default definePageConfig({
  navigationBarTitleText: '登记企业',
});

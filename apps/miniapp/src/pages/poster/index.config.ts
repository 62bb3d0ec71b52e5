export default definePageConfig({
  navigationBarTitleText: '打印海报',
});

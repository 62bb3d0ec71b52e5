export default definePageConfig({
  navigationBarTitleText: '村居中心点',
});

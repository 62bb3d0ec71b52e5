export default definePageConfig({
  navigationBarTitleText: '登记居民',
});

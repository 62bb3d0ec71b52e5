export default definePageConfig({
  navigationBarTitleText: '设置两步验证',
});

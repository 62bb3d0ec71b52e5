export default definePageConfig({
  navigationBarTitleText: '管理员首页',
});

export default definePageConfig({
  navigationBarTitleText: '新建政策',
});

export default definePageConfig({
  navigationBarTitleText: '为村民找工作',
});

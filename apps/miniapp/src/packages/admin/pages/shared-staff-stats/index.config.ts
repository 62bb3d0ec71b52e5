export default definePageConfig({
  navigationBarTitleText: '共享员工统计',
  enablePullDownRefresh: true,
});

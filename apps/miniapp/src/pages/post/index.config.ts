export default definePageConfig({
  navigationBarTitleText: '岗位详情',
  // WeChat shows 转发 (and useShareAppMessage runs) only on pages that enable it.
  enableShareAppMessage: true,
});

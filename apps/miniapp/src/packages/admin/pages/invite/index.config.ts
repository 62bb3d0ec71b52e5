export default definePageConfig({
  navigationBarTitleText: '邀请联络员/干部',
  // WeChat shows 转发 (and useShareAppMessage runs) only on pages that enable it.
  enableShareAppMessage: true,
});

export default definePageConfig({
  navigationBarTitleText: '山亭区就业服务',
  enablePullDownRefresh: true,
  // WeChat shows 转发 and 分享到朋友圈 (and the share hooks run) only on pages that enable them.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

export default definePageConfig({
  navigationBarTitleText: '人力资源地图',
});

export default definePageConfig({
  navigationBarTitleText: '本村谁合适',
});

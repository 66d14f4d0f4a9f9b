export default definePageConfig({
  navigationBarTitleText: '亲清执法打卡',
});

export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f4f3',
    navigationBarBackgroundColor: '#0b5d3b',
    navigationBarTitleText: '亲清执法打卡',
    navigationBarTextStyle: 'white',
  },
});

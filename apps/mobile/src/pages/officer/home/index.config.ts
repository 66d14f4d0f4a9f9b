export default definePageConfig({ navigationBarTitleText: '执法打卡' });

export default definePageConfig({ navigationBarTitleText: '离线打卡同步' });

export default definePageConfig({ navigationBarTitleText: '我的检查记录' });

export default definePageConfig({ navigationBarTitleText: '执法检查记录' });

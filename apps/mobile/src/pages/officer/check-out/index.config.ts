export default definePageConfig({ navigationBarTitleText: '检查签退' });

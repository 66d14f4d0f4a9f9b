export default definePageConfig({ navigationBarTitleText: '企业状态' });

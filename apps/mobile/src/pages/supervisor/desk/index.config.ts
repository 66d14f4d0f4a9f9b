export default definePageConfig({ navigationBarTitleText: '监督工作台' });

export default definePageConfig({ navigationBarTitleText: '入企结果' });

export default definePageConfig({ navigationBarTitleText: '门口是谁' });

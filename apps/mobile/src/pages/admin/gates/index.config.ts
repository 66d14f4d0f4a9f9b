export default definePageConfig({ navigationBarTitleText: '门口码与海报' });

export default definePageConfig({ navigationBarTitleText: '监督举报' });

export default definePageConfig({ navigationBarTitleText: '抽查详情' });

export default definePageConfig({ navigationBarTitleText: '抽查公示详情' });

export default definePageConfig({ navigationBarTitleText: '我的抽查任务' });

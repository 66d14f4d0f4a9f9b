export default definePageConfig({ navigationBarTitleText: '检查规则' });

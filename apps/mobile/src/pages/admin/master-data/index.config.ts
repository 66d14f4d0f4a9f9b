export default definePageConfig({ navigationBarTitleText: '企业主数据导入' });

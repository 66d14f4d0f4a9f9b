export default definePageConfig({ navigationBarTitleText: '电子执法证' });

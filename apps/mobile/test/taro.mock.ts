/**
 * Stands in for `@tarojs/taro` in jest (mapped in jest.config.ts). Only the APIs the app calls are
 * here; a test sets what they answer, e.g. `jest.mocked(Taro.request).mockResolvedValue(...)`.
 */
const storage = new Map<string, unknown>();

const Taro = {
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  clearStorageSync: jest.fn(() => storage.clear()),
  navigateTo: jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(() => Promise.resolve({ errMsg: 'redirectTo:ok' })),
  useRouter: jest.fn(() => ({ params: {} })),
  makePhoneCall: jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })),
};

export const {
  request,
  makePhoneCall,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  navigateTo,
  redirectTo,
  useRouter,
} = Taro;
export default Taro;

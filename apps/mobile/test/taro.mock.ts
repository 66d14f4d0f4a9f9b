/**
 * Stands in for `@tarojs/taro` in jest (mapped in jest.config.ts). Only the APIs the app calls are
 * here; a test sets what they answer, e.g. `jest.mocked(Taro.request).mockResolvedValue(...)`.
 */
const storage = new Map<string, unknown>();

/** Taro's event bus (NutUI's Dialog and Toast listen on it). */
const handlers = new Map<string, (...args: unknown[]) => void>();
const eventCenter = {
  on: (name: string, handler: (...args: unknown[]) => void) => void handlers.set(name, handler),
  off: (name: string) => void handlers.delete(name),
  trigger: (name: string, ...args: unknown[]) => handlers.get(name)?.(...args),
};

const Taro = {
  eventCenter,
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  clearStorageSync: jest.fn(() => storage.clear()),
  navigateTo: jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(() => Promise.resolve({ errMsg: 'redirectTo:ok' })),
  reLaunch: jest.fn(() => Promise.resolve({ errMsg: 'reLaunch:ok' })),
  navigateBack: jest.fn(() => Promise.resolve({ errMsg: 'navigateBack:ok' })),
  getCurrentPages: jest.fn((): unknown[] => [{}]),
  getCurrentInstance: jest.fn(() => ({ router: { path: '/pages/index/index', params: {} } })),
  setNavigationBarTitle: jest.fn(() => Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' })),
  showToast: jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' })),
  getEnv: jest.fn(() => 'WEB'),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN' },
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
  reLaunch,
  navigateBack,
  getCurrentPages,
  getCurrentInstance,
  setNavigationBarTitle,
  showToast,
  getEnv,
  ENV_TYPE,
  useRouter,
} = Taro;
export { eventCenter };
export default Taro;

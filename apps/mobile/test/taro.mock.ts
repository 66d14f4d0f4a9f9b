/**
 * Stands in for `@tarojs/taro` in jest (mapped in jest.config.ts). Only the APIs the app calls are
 * here; a test sets what they answer, e.g. `jest.mocked(Taro.request).mockResolvedValue(...)`.
 */
const Taro = {
  request: jest.fn(),
  makePhoneCall: jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })),
};

export const { request, makePhoneCall } = Taro;
export default Taro;

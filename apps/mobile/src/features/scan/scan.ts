import Taro from '@tarojs/taro';

import { SCAN_MESSAGES, ScanError } from './errors';

export { ScanError } from './errors';

/** Mini-program: WeChat's own scanner (camera or album). Resolves with the code's text. */
export async function scanGateCode(): Promise<string> {
  let res: { result?: string; errMsg?: string };
  try {
    res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
  } catch (e) {
    const errMsg = (e as { errMsg?: string })?.errMsg ?? '';
    if (errMsg.includes('cancel')) throw new ScanError('CANCELLED', SCAN_MESSAGES.CANCELLED);
    if (errMsg.includes('auth') || errMsg.includes('deny')) {
      throw new ScanError('CAMERA_DENIED', SCAN_MESSAGES.CAMERA_DENIED);
    }
    throw new ScanError('FAILED', SCAN_MESSAGES.FAILED);
  }
  if (!res?.result) throw new ScanError('FAILED', SCAN_MESSAGES.FAILED);
  return res.result;
}

/** WeChat's scanner is part of WeChat: nothing to load ahead (see scan.h5.ts). */
export function preloadScanner(): void {}

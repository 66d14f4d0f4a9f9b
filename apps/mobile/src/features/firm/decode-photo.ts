import Taro from '@tarojs/taro';

/** What a scan gave: the text, or why not (a cancelled scan says nothing). */
export type ScanOutcome =
  { ok: true; text: string } | { ok: false; cancelled: boolean; message: string };

/**
 * 扫码 in the mini-program: WeChat's own scanner. The H5 build picks decode-photo.h5.ts instead
 * (a photo decoded with jsqr), so jsqr stays out of the mini-program package.
 */
export async function scanBadge(): Promise<ScanOutcome> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
    if (res.result) return { ok: true, text: res.result };
  } catch {
    return { ok: false, cancelled: true, message: '' };
  }
  return {
    ok: false,
    cancelled: false,
    message: '没有识别到二维码，请对准后重试，或在下方粘贴证码。',
  };
}

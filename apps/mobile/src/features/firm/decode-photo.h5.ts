import Taro from '@tarojs/taro';

/** The largest side a photo is scaled to before decoding (phone photos are huge). */
const MAX_SIDE = 1200;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image'));
    image.src = src;
  });
}

/** Decodes the QR code in an image (a URL the browser can load: blob:, data:, http:). */
export async function decodeQrFromImageUrl(src: string): Promise<string | undefined> {
  const image = await loadImage(src);
  const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  const width = Math.max(1, Math.round(image.naturalWidth * scale));
  const height = Math.max(1, Math.round(image.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  context.drawImage(image, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  // Loaded on use: the decoder is large and most screens never need it.
  const { default: jsQR } = await import('jsqr');
  return jsQR(data, width, height)?.data;
}

/** What a scan gave: the text, or why not (a cancelled scan says nothing). */
export type ScanOutcome =
  { ok: true; text: string } | { ok: false; cancelled: boolean; message: string };

/**
 * 扫码 in H5: WeChat's scanner inside WeChat's browser; in a plain browser, a photo of the code,
 * decoded with jsqr. (decode-photo.ts is the mini-program's version, without jsqr.)
 */
export async function scanBadge(): Promise<ScanOutcome> {
  // Inside WeChat's browser the JS-SDK scanner may answer; elsewhere it resolves without a result.
  if (/MicroMessenger/i.test(navigator.userAgent)) {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      if (res.result) return { ok: true, text: res.result };
    } catch {
      // fall back to a photo
    }
  }
  let path: string | undefined;
  try {
    const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
    path = chosen.tempFilePaths[0];
  } catch {
    return { ok: false, cancelled: true, message: '' };
  }
  if (!path) return { ok: false, cancelled: true, message: '' };
  try {
    const text = await decodeQrFromImageUrl(path);
    if (text) return { ok: true, text };
  } catch {
    // fall through to the message below
  }
  return {
    ok: false,
    cancelled: false,
    message: '照片中没有识别到二维码：请拍清楚整个二维码后重试，或在下方粘贴证码。',
  };
}

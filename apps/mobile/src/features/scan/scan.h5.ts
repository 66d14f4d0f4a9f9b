import type { decodeQrImage } from './decode';
import { SCAN_MESSAGES, ScanError } from './errors';

type Decode = typeof decodeQrImage;

/**
 * The QR decoder (jsQR, about 250 KB before compression) is loaded when a scan starts, or when
 * the officer's home has loaded (preloadScanner), never with the first screen. The service worker
 * keeps it for scans without signal.
 */
function loadDecoder(): Promise<Decode> {
  return import('./decode').then(
    (module) => module.decodeQrImage,
    () => {
      throw new ScanError('FAILED', SCAN_MESSAGES.FAILED);
    },
  );
}

/** Starts loading the decoder in the background (see loadDecoder). */
export function preloadScanner(): void {
  loadDecoder().catch(() => undefined);
}

export { ScanError } from './errors';

interface WeChatJsSdk {
  scanQRCode?: (options: {
    needResult: 0 | 1;
    scanType: string[];
    success: (res: { resultStr: string }) => void;
    fail?: (res: { errMsg?: string }) => void;
    cancel?: () => void;
  }) => void;
}

/**
 * H5: WeChat's JS-SDK scanner inside WeChat's browser; elsewhere the camera in the page
 * (getUserMedia → video → canvas → jsqr) with “从相册选择” (decode a photo) as the fallback.
 */
export function scanGateCode(): Promise<string> {
  const wx = (window as unknown as { wx?: WeChatJsSdk }).wx;
  if (wx?.scanQRCode) {
    const scan = wx.scanQRCode;
    return new Promise((resolve, reject) => {
      scan({
        needResult: 1,
        scanType: ['qrCode'],
        success: (res) => resolve(res.resultStr),
        cancel: () => reject(new ScanError('CANCELLED', SCAN_MESSAGES.CANCELLED)),
        fail: () => reject(new ScanError('FAILED', SCAN_MESSAGES.FAILED)),
      });
    });
  }
  return loadDecoder().then(scanInPage);
}

const FRAME_INTERVAL_MS = 150;
const MAX_SIDE = 800;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: Partial<CSSStyleDeclaration>,
  testId?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  if (testId) node.setAttribute('data-testid', testId);
  return node;
}

function grab(
  decode: Decode,
  source: CanvasImageSource,
  width: number,
  height: number,
  canvas: HTMLCanvasElement,
) {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return decode(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

/** A full-screen overlay: the live camera, a status line, 从相册选择 and 取消. */
function scanInPage(decode: Decode): Promise<string> {
  return new Promise((resolve, reject) => {
    const overlay = el(
      'div',
      {
        position: 'fixed',
        inset: '0',
        zIndex: '10000',
        background: '#000',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'stretch',
        fontSize: '17px',
        color: '#fff',
      },
      'scanner',
    );
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', '扫描执法打卡码');
    const title = el('div', { padding: '14px 16px', fontSize: '19px', fontWeight: 'bold' });
    title.textContent = '对准企业门口的执法打卡码';
    const video = el('video', { width: '100%', flex: '1', objectFit: 'cover', minHeight: '0' });
    video.setAttribute('playsinline', 'true');
    video.muted = true;
    const status = el(
      'div',
      { padding: '12px 16px', lineHeight: '1.5', background: '#222', minHeight: '48px' },
      'scanner-status',
    );
    status.setAttribute('role', 'status');
    status.textContent = '正在打开摄像头…';
    const bar = el('div', { display: 'flex', gap: '12px', padding: '12px 16px 20px' });
    const buttonStyle: Partial<CSSStyleDeclaration> = {
      flex: '1',
      height: '52px',
      fontSize: '17px',
      borderRadius: '8px',
      border: 'none',
    };
    const pick = el('label', {
      ...buttonStyle,
      background: '#fff',
      color: '#0b5d3b',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      fontWeight: 'bold',
    });
    pick.textContent = '从相册选择';
    // reachable by keyboard like a button
    pick.setAttribute('role', 'button');
    pick.tabIndex = 0;
    pick.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      file.click();
    });
    const file = el('input', { display: 'none' }, 'scanner-file');
    file.type = 'file';
    file.accept = 'image/*';
    pick.appendChild(file);
    const cancel = el(
      'button',
      { ...buttonStyle, background: '#555', color: '#fff' },
      'scanner-cancel',
    );
    cancel.textContent = '取消';
    bar.append(pick, cancel);
    overlay.append(title, video, status, bar);
    document.body.appendChild(overlay);

    const canvas = document.createElement('canvas');
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let done = false;

    const finish = (outcome: { text: string } | { error: ScanError }) => {
      if (done) return;
      done = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
      overlay.remove();
      if ('text' in outcome) resolve(outcome.text);
      else reject(outcome.error);
    };

    cancel.addEventListener('click', () =>
      finish({ error: new ScanError('CANCELLED', SCAN_MESSAGES.CANCELLED) }),
    );

    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      const url = URL.createObjectURL(chosen);
      const img = new Image();
      img.onload = () => {
        const text = grab(decode, img, img.naturalWidth, img.naturalHeight, canvas);
        URL.revokeObjectURL(url);
        if (text) finish({ text });
        else status.textContent = SCAN_MESSAGES.NO_CODE_IN_PHOTO;
      };
      img.onerror = () => {
        URL.revokeObjectURL(url);
        status.textContent = SCAN_MESSAGES.NO_CODE_IN_PHOTO;
      };
      img.src = url;
      file.value = '';
    });

    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      status.textContent = SCAN_MESSAGES.NO_CAMERA;
      return;
    }
    media
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        if (done) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        stream = s;
        video.srcObject = s;
        await video.play().catch(() => undefined);
        status.textContent = '正在识别，请将打卡码放在画面中央…';
        timer = setInterval(() => {
          if (done || video.readyState < 2 || !video.videoWidth) return;
          const text = grab(decode, video, video.videoWidth, video.videoHeight, canvas);
          if (text) finish({ text });
        }, FRAME_INTERVAL_MS);
      })
      .catch((e: { name?: string }) => {
        status.textContent =
          e?.name === 'NotAllowedError' || e?.name === 'SecurityError'
            ? SCAN_MESSAGES.CAMERA_DENIED
            : SCAN_MESSAGES.NO_CAMERA;
      });
  });
}

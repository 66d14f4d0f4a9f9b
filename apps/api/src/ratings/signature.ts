import { createHash } from 'node:crypto';
import { SIGNATURE_DATA_URL_PREFIX, SIGNATURE_MAX_BYTES } from '@qinqing/domain';
import { PNG } from 'pngjs';
import { DomainException } from '../common/errors/domain.exception';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Largest canvas accepted (a phone's signature pad at 3× is about 1080 × 600). */
const MAX_PIXELS = 4_000_000;
/** Fewer inked pixels than this is a blank pad or a stray tap, not a handwritten signature. */
export const MIN_INK_PIXELS = 60;

export interface Signature {
  png: Buffer;
  sha256: string;
}

/**
 * Checks that a data URL holds a PNG with a handwritten signature on it: well-formed, small
 * enough, and with enough dark, opaque strokes. Anything else is SIGNATURE_INVALID with a reason.
 */
export function parseSignature(dataUrl: string): Signature {
  if (!dataUrl.startsWith(SIGNATURE_DATA_URL_PREFIX)) {
    throw invalid('签名应为 PNG 图片（data:image/png;base64,…）。');
  }
  const base64 = dataUrl.slice(SIGNATURE_DATA_URL_PREFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw invalid('签名图片的编码无效。');
  const png = Buffer.from(base64, 'base64');
  if (png.length > SIGNATURE_MAX_BYTES) {
    throw invalid(`签名图片过大（不超过 ${SIGNATURE_MAX_BYTES / 1024} KB）。`);
  }
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC)) {
    throw invalid('签名不是有效的 PNG 图片。');
  }
  // IHDR comes first: refuse huge canvases before inflating them.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) {
    throw invalid('签名图片的尺寸无效。');
  }
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch {
    throw invalid('签名图片已损坏，无法读取。');
  }
  if (countInk(image) < MIN_INK_PIXELS) throw new DomainException('SIGNATURE_INVALID');
  return { png, sha256: createHash('sha256').update(png).digest('hex') };
}

/** Pixels that are clearly visible strokes: mostly opaque and dark. */
function countInk(image: PNG): number {
  const { data } = image;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3];
    const luminance = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    if (alpha > 128 && luminance < 128) ink += 1;
  }
  return ink;
}

export function signatureDataUrl(png: Buffer): string {
  return SIGNATURE_DATA_URL_PREFIX + png.toString('base64');
}

function invalid(reason: string): DomainException {
  return new DomainException('SIGNATURE_INVALID', {
    errors: [{ field: 'signature', message: reason }],
  });
}

import { PNG } from 'pngjs';
import { SIGNATURE_DATA_URL_PREFIX } from '@qinqing/domain';

/** A PNG data URL like the phone's signature pad makes: white, with dark strokes unless `blank`. */
export function signatureDataUrl({ blank = false, width = 300, height = 120 } = {}): string {
  const png = new PNG({ width, height });
  png.data.fill(255);
  if (!blank) {
    // two strokes, three pixels thick
    for (let x = 20; x < width - 20; x++) {
      const y = Math.round(height / 2 + Math.sin(x / 15) * 25);
      for (let dy = -1; dy <= 1; dy++) inkAt(png, x, y + dy);
      inkAt(png, x, Math.round(height - 20 - (x * (height - 40)) / width));
    }
  }
  return SIGNATURE_DATA_URL_PREFIX + PNG.sync.write(png).toString('base64');
}

function inkAt(png: PNG, x: number, y: number): void {
  const i = (png.width * y + x) * 4;
  png.data[i] = 20;
  png.data[i + 1] = 20;
  png.data[i + 2] = 40;
  png.data[i + 3] = 255;
}

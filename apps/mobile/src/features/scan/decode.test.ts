import { qrModules } from '../../components/QrCode';
import { decodeQrImage, type RgbaImage } from './decode';

/** Draws a QR code into RGBA pixels (scale px per module, white quiet zone), as a canvas would. */
function qrImage(text: string, scale = 4, border = 4): RgbaImage {
  const modules = qrModules(text);
  const width = (modules.size + border * 2) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const mx = Math.floor(x / scale) - border;
      const my = Math.floor(y / scale) - border;
      const dark =
        mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx) === 1;
      if (dark) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { data, width, height: width };
}

describe('decodeQrImage', () => {
  it('reads the URL of a gate code from the pixels', () => {
    const url = `https://qinqing.example.gov.cn/c/${'A'.repeat(136)}`;
    expect(decodeQrImage(qrImage(url))).toBe(url);
  });

  it('reads a code drawn white on black (inverted)', () => {
    const image = qrImage('qinqing-inverted');
    for (let i = 0; i < image.data.length; i += 4) {
      image.data[i] = image.data[i + 1] = image.data[i + 2] = 255 - image.data[i];
    }
    expect(decodeQrImage(image)).toBe('qinqing-inverted');
  });

  it('gives undefined for a blank picture, an empty one and short pixel data', () => {
    expect(
      decodeQrImage({ data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 }),
    ).toBeUndefined();
    expect(decodeQrImage({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toBeUndefined();
    expect(
      decodeQrImage({ data: new Uint8ClampedArray(10), width: 64, height: 64 }),
    ).toBeUndefined();
  });
});

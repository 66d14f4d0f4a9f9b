import jsQR from 'jsqr';

/** Pixels as a canvas gives them (RGBA, 4 bytes a pixel). */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the QR code in an image, or undefined when none can be read. Pure: no DOM. */
export function decodeQrImage(image: RgbaImage): string | undefined {
  if (image.width <= 0 || image.height <= 0) return undefined;
  if (image.data.length < image.width * image.height * 4) return undefined;
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  const text = found?.data?.trim();
  return text ? text : undefined;
}

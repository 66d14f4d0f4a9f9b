import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { launchChromium } from './browser';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 5;

/**
 * A Y4M video (640×480, 4:2:0) showing `text` as a QR code, centred on white, for Chromium's fake
 * camera (`--use-file-for-fake-video-capture`). Returns the file's path.
 */
export async function qrVideoFile(text: string): Promise<string> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { margin: 4, width: 440 }));
  const y = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.floor((WIDTH - png.width) / 2);
  const top = Math.floor((HEIGHT - png.height) / 2);
  for (let row = 0; row < png.height; row++) {
    for (let col = 0; col < png.width; col++) {
      const i = (row * png.width + col) * 4;
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      y[(top + row) * WIDTH + left + col] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  // Grey has no colour: both chroma planes are neutral (128), at a quarter of the pixels each.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qinqing-camera-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
  return file;
}

/** Chromium as launchChromium() starts it, whose camera shows the given Y4M file. */
export function launchChromiumWithFakeCamera(videoFile: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ]);
}

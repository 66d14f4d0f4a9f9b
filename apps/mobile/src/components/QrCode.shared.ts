import { encodeUtf8 } from '@qinqing/domain';
import { create } from 'qrcode/lib/core/qrcode';

/**
 * The modules of a QR code for `text`. The text goes in as UTF-8 bytes: `qrcode` would otherwise
 * call TextEncoder, which older WeChat base libraries lack.
 */
export function qrModules(text: string) {
  return create([{ data: encodeUtf8(text), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
}

/** Dark runs of each row of a QR code: [start, length] pairs (fewer views than one per module). */
export function qrRuns(text: string): { size: number; rows: [number, number][][] } {
  const modules = qrModules(text);
  const size = modules.size;
  const rows: [number, number][][] = [];
  for (let y = 0; y < size; y++) {
    const runs: [number, number][] = [];
    let start = -1;
    for (let x = 0; x <= size; x++) {
      const dark = x < size && modules.get(y, x) === 1;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push([start, x - start]);
        start = -1;
      }
    }
    rows.push(runs);
  }
  return { size, rows };
}

import { encodeUtf8 } from '@qinqing/domain';
import { View } from '@tarojs/components';
import { create } from 'qrcode/lib/core/qrcode';

import './QrCode.css';

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

/**
 * A QR code drawn with Views (no canvas), so it renders the same in WeChat and H5. The square's
 * size comes from CSS (`.qr-code`, 560 design px); the modules are placed in percent of it.
 */
export function QrCode({ text }: { text: string }) {
  const { size, rows } = qrRuns(text);
  const quiet = 4;
  const cell = 100 / (size + quiet * 2);
  const pct = (n: number) => `${n.toFixed(3)}%`;
  return (
    <View className="qr-code" data-testid="qr-code" role="img" aria-label="电子执法证二维码">
      {rows.map((runs, y) =>
        runs.map(([x, n]) => (
          <View
            key={`${y}-${x}`}
            className="qr-code__run"
            style={{
              left: pct((x + quiet) * cell),
              top: pct((y + quiet) * cell),
              // a hair wider and taller, so that neighbouring runs leave no seam
              width: `calc(${pct(n * cell)} + 0.5px)`,
              height: `calc(${pct(cell)} + 0.5px)`,
            }}
          />
        )),
      )}
    </View>
  );
}

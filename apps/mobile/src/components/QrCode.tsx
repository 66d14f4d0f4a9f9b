import { encodeUtf8 } from '@qinqing/domain';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
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

/** A QR code drawn with Views (no canvas), so it renders the same in WeChat and H5. */
export function QrCode({ text, sizePx = 560 }: { text: string; sizePx?: number }) {
  const { size, rows } = qrRuns(text);
  const quiet = 4;
  const cell = sizePx / (size + quiet * 2);
  return (
    <View
      data-testid="qr-code"
      style={{
        width: Taro.pxTransform(sizePx),
        height: Taro.pxTransform(sizePx),
        background: '#fff',
        position: 'relative',
        margin: '0 auto',
      }}
    >
      {rows.map((runs, y) =>
        runs.map(([x, n]) => (
          <View
            key={`${y}-${x}`}
            style={{
              position: 'absolute',
              background: '#000',
              left: Taro.pxTransform((x + quiet) * cell),
              top: Taro.pxTransform((y + quiet) * cell),
              width: Taro.pxTransform(n * cell + 0.5),
              height: Taro.pxTransform(cell + 0.5),
            }}
          />
        )),
      )}
    </View>
  );
}

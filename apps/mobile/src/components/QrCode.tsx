import { View } from '@tarojs/components';

import { qrRuns } from './QrCode.shared';

import './QrCode.css';

export { qrModules, qrRuns } from './QrCode.shared';

/**
 * A QR code drawn with Views (no canvas) in the mini-program, in rpx. (The browser build draws
 * it as an SVG image: QrCode.h5.tsx.)
 */
export function QrCode({ text }: { text: string }) {
  const { size, rows } = qrRuns(text);
  const quiet = 4;
  const cell = 560 / (size + quiet * 2);
  const rpx = (n: number) => `${n.toFixed(2)}rpx`;
  return (
    <View className="qr-code" data-testid="qr-code">
      {rows.map((runs, y) =>
        runs.map(([x, n]) => (
          <View
            key={`${y}-${x}`}
            className="qr-code__run"
            style={{
              left: rpx((x + quiet) * cell),
              top: rpx((y + quiet) * cell),
              width: rpx(n * cell + 0.5),
              height: rpx(cell + 0.5),
            }}
          />
        )),
      )}
    </View>
  );
}

import { View } from '@tarojs/components';

import { qrRuns } from './QrCode.shared';

import './QrCode.css';

export { qrModules, qrRuns } from './QrCode.shared';

/** A QR code as a crisp SVG image (one path of dark runs), readable by any phone's scanner. */
export function QrCode({ text }: { text: string }) {
  const { size, rows } = qrRuns(text);
  const quiet = 4;
  const total = size + quiet * 2;
  const path = rows
    .flatMap((runs, y) => runs.map(([x, n]) => `M${x + quiet} ${y + quiet}h${n}v1h-${n}z`))
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" ` +
    `shape-rendering="crispEdges"><rect width="${total}" height="${total}" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/></svg>`;
  return (
    <View className="qr-code" data-testid="qr-code">
      {/* a plain image in the browser: Taro's Image gives its <img> no alt text */}
      <img
        className="qr-code__image"
        alt="电子执法证二维码（请企业扫码核验）"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      />
    </View>
  );
}

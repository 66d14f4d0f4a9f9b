import { renderAsync } from '@resvg/resvg-js';
import { crc32 } from 'node:zlib';
import { startPdf } from './pdf-document';
import type { PosterFonts } from './poster-fonts';
import type { PosterPage } from './poster-layout';

/** 150 dpi: an A4 page is 1240 × 1754 pixels. */
export const PNG_DPI = 150;

/** The poster as a one-page PDF, its texts real text in the embedded (subset) font. */
export function renderPosterPdf(page: PosterPage, fonts: PosterFonts): Promise<Buffer> {
  const { doc, done } = startPdf(
    [page.width, page.height],
    { Title: page.title, Subject: '执法打卡码' },
    fonts,
  );
  for (const item of page.items) {
    switch (item.kind) {
      case 'box': {
        const path = item.radius
          ? doc.roundedRect(item.x, item.y, item.width, item.height, item.radius)
          : doc.rect(item.x, item.y, item.width, item.height);
        if (item.fill && item.stroke)
          path.lineWidth(item.strokeWidth ?? 1).fillAndStroke(item.fill, item.stroke);
        else if (item.fill) path.fill(item.fill);
        else if (item.stroke) path.lineWidth(item.strokeWidth ?? 1).stroke(item.stroke);
        break;
      }
      case 'text':
        doc
          .font(item.weight)
          .fontSize(item.size)
          .fillColor(item.color)
          .text(item.text, item.x, item.y, { baseline: 'alphabetic', lineBreak: false });
        break;
      case 'cells':
        for (const cell of item.cells) doc.rect(cell.x, cell.y, cell.width, cell.height);
        doc.fill(item.color);
        break;
    }
  }
  doc.end();
  return done;
}

/** The poster as SVG (in points), drawn with the poster's font family. */
export function posterSvg(page: PosterPage, fonts: PosterFonts): string {
  const parts = page.items.map((item) => {
    switch (item.kind) {
      case 'box': {
        const fill = item.fill ?? 'none';
        const stroke = item.stroke
          ? ` stroke="${item.stroke}" stroke-width="${n(item.strokeWidth ?? 1)}"`
          : '';
        return `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}" rx="${n(item.radius)}" fill="${fill}"${stroke}/>`;
      }
      case 'text':
        return `<text x="${n(item.x)}" y="${n(item.y)}" font-size="${n(item.size)}" font-weight="${item.weight === 'bold' ? 700 : 400}" fill="${item.color}">${escapeXml(item.text)}</text>`;
      case 'cells': {
        const d = item.cells
          .map((c) => `M${n(c.x)} ${n(c.y)}h${n(c.width)}v${n(c.height)}h${n(-c.width)}z`)
          .join('');
        return `<path d="${d}" fill="${item.color}" shape-rendering="crispEdges"/>`;
      }
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(page.width)}pt" height="${n(page.height)}pt" viewBox="0 0 ${n(page.width)} ${n(page.height)}" font-family="${escapeXml(fonts.family)}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The poster as a PNG at 150 dpi, rendered off the event loop with the poster's font only. */
export async function renderPosterPng(page: PosterPage, fonts: PosterFonts): Promise<Buffer> {
  const image = await renderAsync(posterSvg(page, fonts), {
    fitTo: { mode: 'width', value: Math.round((page.width / 72) * PNG_DPI) },
    background: '#ffffff',
    font: {
      fontFiles: [fonts.files.regular, fonts.files.bold],
      loadSystemFonts: false,
      defaultFontFamily: fonts.family,
    },
  });
  return withDpi(image.asPng(), PNG_DPI);
}

/** Adds a pHYs chunk so that printing the PNG at its own size gives A4. */
function withDpi(png: Buffer, dpi: number): Buffer {
  const ihdrEnd = 8 + 8 + 13 + 4; // signature, IHDR length + type, IHDR data, CRC
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(pixelsPerMetre, 0);
  data.writeUInt32BE(pixelsPerMetre, 4);
  data.writeUInt8(1, 8); // unit: metre
  const typeAndData = Buffer.concat([Buffer.from('pHYs', 'ascii'), data]);
  const chunk = Buffer.alloc(4 + typeAndData.length + 4);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

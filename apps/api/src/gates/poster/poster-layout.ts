import { HOTLINES, SIX_PROHIBITIONS } from '@qinqing/domain';
import * as QRCode from 'qrcode';

/**
 * The gate poster (执法打卡码), described once: every text, its order, size and place on an A4 page,
 * in points from the top-left corner. The PDF and the PNG renderers only draw these items.
 */
export interface PosterContent {
  firmName: string;
  gateName: string;
  /** The text the QR code encodes (the gate code's URL). */
  code: string;
  version: number;
  issuedAt: Date;
}

export type FontWeight = 'regular' | 'bold';

/** Width in points of `text` in `weight` at `size` points (the renderers' font, measured). */
export type MeasureText = (text: string, weight: FontWeight, size: number) => number;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PosterItem =
  | (Rect & { kind: 'box'; radius: number; fill?: string; stroke?: string; strokeWidth?: number })
  /** One line of text; `y` is its baseline. */
  | {
      kind: 'text';
      text: string;
      x: number;
      y: number;
      size: number;
      weight: FontWeight;
      color: string;
    }
  /** The QR code's dark modules, merged into runs per row. */
  | { kind: 'cells'; cells: Rect[]; color: string };

export interface PosterPage {
  width: number;
  height: number;
  /** Document title (PDF metadata). */
  title: string;
  items: PosterItem[];
}

export const A4 = { width: 595.28, height: 841.89 } as const;

/** The QR code's own width (without the quiet zone): 9 cm scans from about a metre away. */
const QR_WIDTH = (9 / 2.54) * 72;
/** It may shrink to 8 cm when a long firm name needs the room. */
const QR_MIN_WIDTH = (8 / 2.54) * 72;
const QR_QUIET_MODULES = 4;

const GREEN = '#0b6b3a';
const GREEN_PALE = '#eaf4ee';
const GREEN_TINT = '#d7ecdf';
const RED = '#b42318';
const INK = '#1b1f23';
const GREY = '#5b6470';
const WHITE = '#ffffff';

const MARGIN = 34;
const HEADER_HEIGHT = 140;
const FOOTER_BASELINE = A4.height - 22;
/** The blocks above the footer end here. */
const CONTENT_BOTTOM = FOOTER_BASELINE - 30;
/** The gaps between blocks that share the room left over. */
const GAPS = 4;

export const POSTER_TEXT = {
  headline: '执法检查 先扫码 后入企',
  slogan: '执法检查扫码登记，双向监督无事不扰',
  kicker: '生态环境执法 · 执法打卡码',
  gateLabel: '打卡点位：',
  hotlinesHeading: '监督举报电话',
  prohibitionsHeading: '环境监察人员“六不准”',
} as const;

/** Lays out the poster of one gate code. */
export function layOutPoster(content: PosterContent, measure: MeasureText): PosterPage {
  // Lay out once to see how much room is left, then share it out between the blocks, or make
  // room by shrinking the QR code a little (a firm name on two lines).
  const room = CONTENT_BOTTOM - layOut(content, measure, QR_WIDTH, 0).bottom;
  const page =
    room >= 0
      ? layOut(content, measure, QR_WIDTH, Math.min(room / GAPS, 16))
      : layOut(content, measure, Math.max(QR_MIN_WIDTH, QR_WIDTH + room), 0);
  return {
    width: A4.width,
    height: A4.height,
    title: `执法打卡码 - ${content.firmName} - ${content.gateName}（第 ${content.version} 版）`,
    items: page.items,
  };
}

function layOut(
  content: PosterContent,
  measure: MeasureText,
  qrWidth: number,
  extraGap: number,
): { items: PosterItem[]; bottom: number } {
  const items: PosterItem[] = [];
  const W = A4.width;
  const cx = W / 2;
  const inner = W - 2 * MARGIN;
  const centred = (text: string, y: number, size: number, weight: FontWeight, color: string) =>
    items.push({
      kind: 'text',
      text,
      x: cx - measure(text, weight, size) / 2,
      y,
      size,
      weight,
      color,
    });

  items.push({ kind: 'box', x: 0, y: 0, width: W, height: A4.height, radius: 0, fill: WHITE });

  // The header band: what the officer must do, and why.
  items.push({ kind: 'box', x: 0, y: 0, width: W, height: HEADER_HEIGHT, radius: 0, fill: GREEN });
  items.push({
    kind: 'box',
    x: 0,
    y: HEADER_HEIGHT,
    width: W,
    height: 5,
    radius: 0,
    fill: GREEN_TINT,
  });
  centred(POSTER_TEXT.kicker, 36, 13, 'regular', GREEN_TINT);
  centred(
    POSTER_TEXT.headline,
    82,
    fitSize(POSTER_TEXT.headline, 'bold', inner, 42, measure),
    'bold',
    WHITE,
  );
  centred(POSTER_TEXT.slogan, 117, 18, 'regular', WHITE);

  // Whose gate this is.
  const firm = fitLines(content.firmName, 'bold', inner, { max: 30, min: 22, lines: 2 }, measure);
  let y = HEADER_HEIGHT + 26 + extraGap;
  for (const line of firm.lines) {
    y += firm.size * 1.05;
    centred(line, y, firm.size, 'bold', INK);
    y += firm.size * 0.3;
  }
  const gate = fitLines(
    POSTER_TEXT.gateLabel + content.gateName,
    'regular',
    inner,
    { max: 17, min: 12, lines: 1 },
    measure,
  );
  y += 26;
  centred(gate.lines[0], y, gate.size, 'regular', GREY);

  // The code, with its quiet zone inside a frame.
  const qr = QRCode.create(content.code, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const moduleSize = qrWidth / count;
  const frame = qrWidth + 2 * QR_QUIET_MODULES * moduleSize;
  const frameX = cx - frame / 2;
  const frameY = y + 16 + extraGap;
  items.push({
    kind: 'box',
    x: frameX,
    y: frameY,
    width: frame,
    height: frame,
    radius: 10,
    fill: WHITE,
    stroke: GREEN,
    strokeWidth: 2,
  });
  const codeX = frameX + QR_QUIET_MODULES * moduleSize;
  const codeY = frameY + QR_QUIET_MODULES * moduleSize;
  items.push({ kind: 'cells', cells: qrCells(qr.modules, codeX, codeY, moduleSize), color: INK });
  y = frameY + frame;

  // The hotlines.
  const hotlinesY = y + 16 + extraGap;
  const hotlinesHeight = 74;
  items.push({
    kind: 'box',
    x: MARGIN,
    y: hotlinesY,
    width: inner,
    height: hotlinesHeight,
    radius: 8,
    fill: GREEN_PALE,
  });
  centred(POSTER_TEXT.hotlinesHeading, hotlinesY + 22, 12, 'regular', GREY);
  const half = inner / HOTLINES.length;
  HOTLINES.forEach((hotline, i) => {
    const number = { text: hotline.number, size: 26, weight: 'bold' as const };
    const label = { text: `（${hotline.label}）`, size: 15, weight: 'regular' as const };
    const numberWidth = measure(number.text, number.weight, number.size);
    const total = numberWidth + measure(label.text, label.weight, label.size);
    const x = MARGIN + half * i + half / 2 - total / 2;
    const baseline = hotlinesY + 56;
    items.push({ kind: 'text', ...number, x, y: baseline, color: GREEN });
    items.push({ kind: 'text', ...label, x: x + numberWidth, y: baseline, color: INK });
    if (i > 0)
      items.push({
        kind: 'box',
        x: MARGIN + half * i,
        y: hotlinesY + 34,
        width: 1,
        height: 28,
        radius: 0,
        fill: GREEN_TINT,
      });
  });

  // 六不准, in two columns.
  const rulesY = hotlinesY + hotlinesHeight + 14 + extraGap;
  const pad = 16;
  const columns = 2;
  const gutter = 14;
  const columnWidth = (inner - 2 * pad - (columns - 1) * gutter) / columns;
  const rows = Math.ceil(SIX_PROHIBITIONS.length / columns);
  const numberOf = (i: number) => `${i + 1}. `;
  const itemSize = Math.min(
    13,
    ...SIX_PROHIBITIONS.map((rule, i) =>
      floorHalf(columnWidth / (measure(numberOf(i), 'bold', 1) + measure(rule, 'regular', 1))),
    ),
  );
  const rowHeight = itemSize * 1.85;
  const rulesHeight = 50 + rows * rowHeight + 8;
  items.push({
    kind: 'box',
    x: MARGIN,
    y: rulesY,
    width: inner,
    height: rulesHeight,
    radius: 8,
    stroke: RED,
    strokeWidth: 1.2,
  });
  centred(POSTER_TEXT.prohibitionsHeading, rulesY + 30, 18, 'bold', RED);
  SIX_PROHIBITIONS.forEach((rule, i) => {
    // Down the first column, then the second: 1–3 left, 4–6 right.
    const column = Math.floor(i / rows);
    const row = i % rows;
    const x = MARGIN + pad + column * (columnWidth + gutter);
    const baseline = rulesY + 50 + rowHeight * row + itemSize;
    const number = numberOf(i);
    items.push({
      kind: 'text',
      text: number,
      x,
      y: baseline,
      size: itemSize,
      weight: 'bold',
      color: RED,
    });
    items.push({
      kind: 'text',
      text: rule,
      x: x + measure(number, 'bold', itemSize),
      y: baseline,
      size: itemSize,
      weight: 'regular',
      color: INK,
    });
  });

  // Which code this is, and since when.
  const footer = `打卡码第 ${content.version} 版 · 签发日期 ${chinaDate(content.issuedAt)}`;
  centred(footer, FOOTER_BASELINE, 10, 'regular', GREY);

  return { items, bottom: rulesY + rulesHeight };
}

/** The largest size up to `max` at which `text` fits `width`. */
function fitSize(
  text: string,
  weight: FontWeight,
  width: number,
  max: number,
  measure: MeasureText,
) {
  return Math.min(max, floorHalf(width / measure(text, weight, 1)));
}

/**
 * Sets `text` in as few lines as fit `width` at no less than `min` points (up to `lines` lines,
 * balanced), as large as possible up to `max`. A text too long even then gets smaller still.
 */
export function fitLines(
  text: string,
  weight: FontWeight,
  width: number,
  size: { max: number; min: number; lines: number },
  measure: MeasureText,
): { lines: string[]; size: number } {
  const units = text.trim().match(/[A-Za-z0-9]+|\s+|./gsu) ?? [''];
  for (let n = 1; ; n++) {
    const lines = splitBalanced(units, n, weight, measure);
    const widest = Math.max(...lines.map((line) => measure(line, weight, 1)));
    const fitting = Math.min(size.max, floorHalf(width / widest));
    if (fitting >= size.min || n >= size.lines || n >= units.length)
      return { lines, size: fitting };
  }
}

/** Breaks the units into `n` lines of about equal width (a line never starts with a space). */
function splitBalanced(
  units: string[],
  n: number,
  weight: FontWeight,
  measure: MeasureText,
): string[] {
  if (n <= 1) return [units.join('').trim()];
  const widths = units.map((unit) => measure(unit, weight, 1));
  const total = widths.reduce((a, b) => a + b, 0);
  const lines: string[] = [];
  let line = '';
  let done = 0;
  units.forEach((unit, i) => {
    const target = (total * (lines.length + 1)) / n;
    // Break before this unit when that lands nearer the target than breaking after it.
    if (
      line &&
      lines.length < n - 1 &&
      Math.abs(done - target) <= Math.abs(done + widths[i] - target)
    ) {
      lines.push(line.trim());
      line = '';
    }
    line += unit;
    done += widths[i];
  });
  lines.push(line.trim());
  return lines.filter((l) => l.length > 0);
}

function floorHalf(size: number): number {
  return Math.floor(size * 2) / 2;
}

/** The QR modules as dark runs per row, in points. */
function qrCells(modules: QRCode.BitMatrix, x: number, y: number, moduleSize: number): Rect[] {
  const cells: Rect[] = [];
  const size = modules.size;
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        cells.push({
          x: x + start * moduleSize,
          y: y + row * moduleSize,
          width: (col - start) * moduleSize,
          height: moduleSize,
        });
        start = -1;
      }
    }
  }
  return cells;
}

/** 2026年5月3日, in China's time zone whatever the server's. */
export function chinaDate(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

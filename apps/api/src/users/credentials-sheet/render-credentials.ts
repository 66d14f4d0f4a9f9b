import { startPdf } from '../../gates/poster/pdf-document';
import type { PosterFonts } from '../../gates/poster/poster-fonts';
import { chinaDate } from '../../gates/poster/poster-layout';

/** One account on the list, as the admin hands it out. */
export interface CredentialLine {
  displayName: string;
  username: string;
  /** 执法人员, 企业管理人员 … */
  roleLabel: string;
  /** the unit, or the firms, it belongs to */
  belongsTo: string;
  oneTimePassword: string;
}

export interface CredentialsSheet {
  /** The bureau: the top unit's name. */
  bureau: string;
  printedAt: Date;
  lines: CredentialLine[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CARD_HEIGHT = 118;
const CARD_GAP = 10;
const HEADER_HEIGHT = 74;
const FOOTER_HEIGHT = 28;
export const CARDS_PER_PAGE = Math.floor(
  (A4.height - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT + CARD_GAP) / (CARD_HEIGHT + CARD_GAP),
);
const NOTICE = '首次登录后须修改密码';
/** An ideographic space: the blank between phrases of a Chinese line. */
const GAP = '\u3000';
const INK = '#1f2329';
const MUTED = '#5c6370';

/**
 * The printable list of one-time passwords: A4 pages of cards (姓名, 用户名, 角色, 单位/企业 and
 * the password in a monospaced face, spaced so that each character reads on its own), a line for
 * the recipient's signature, and 首次登录后须修改密码 on every card and page.
 */
export function renderCredentialsPdf(sheet: CredentialsSheet, fonts: PosterFonts): Promise<Buffer> {
  const { doc, done } = startPdf([A4.width, A4.height], { Title: '账号初始密码清单' }, fonts);
  const pages = Math.max(1, Math.ceil(sheet.lines.length / CARDS_PER_PAGE));
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage();
    header(doc, sheet);
    const lines = sheet.lines.slice(page * CARDS_PER_PAGE, (page + 1) * CARDS_PER_PAGE);
    lines.forEach((line, i) => {
      const y = MARGIN + HEADER_HEIGHT + i * (CARD_HEIGHT + CARD_GAP);
      card(doc, line, page * CARDS_PER_PAGE + i + 1, y);
    });
    footer(doc, page + 1, pages);
  }
  doc.end();
  return done;
}

function header(doc: PDFKit.PDFDocument, sheet: CredentialsSheet): void {
  const width = A4.width - 2 * MARGIN;
  doc.font('bold').fontSize(15).fillColor(INK);
  doc.text(sheet.bureau, MARGIN, MARGIN, { width, align: 'center', lineBreak: false });
  doc.fontSize(18).text('账号初始密码清单', MARGIN, MARGIN + 22, { width, align: 'center' });
  doc.font('regular').fontSize(10).fillColor(MUTED);
  doc.text(
    `打印日期：${chinaDate(sheet.printedAt)}${GAP}${GAP}共 ${sheet.lines.length} 个账号${GAP}${GAP}${NOTICE}，请当面交给本人签收。`,
    MARGIN,
    MARGIN + 50,
    { width, align: 'center', lineBreak: false },
  );
}

function card(doc: PDFKit.PDFDocument, line: CredentialLine, n: number, y: number): void {
  const x = MARGIN;
  const width = A4.width - 2 * MARGIN;
  const left = x + 14;
  const middle = left + 230;
  const right = x + width - 14;
  doc.lineWidth(0.8).roundedRect(x, y, width, CARD_HEIGHT, 6).stroke('#9aa1ab');
  doc.font('bold').fontSize(13).fillColor(INK);
  doc.text(`${n}. ${line.displayName}`, left, y + 12, {
    width: 230,
    lineBreak: false,
    ellipsis: true,
  });
  doc.font('regular').fontSize(10).fillColor(MUTED);
  doc.text(`${line.roleLabel} · ${NOTICE}`, middle, y + 14, {
    width: right - middle,
    align: 'right',
    lineBreak: false,
  });
  label(doc, '用户名', left, y + 40);
  doc.font('bold').fontSize(13).fillColor(INK);
  doc.text(line.username, left + 60, y + 37, { width: 160, lineBreak: false, ellipsis: true });
  label(doc, '一次性密码', middle, y + 40);
  cells(doc, line.oneTimePassword, middle + 62, y + 34);
  label(doc, '单位/企业', left, y + 62);
  doc.font('regular').fontSize(10).fillColor(INK);
  doc.text(line.belongsTo || '—', left + 60, y + 62, {
    width: right - left - 60,
    height: 30,
    ellipsis: true,
  });
  label(doc, '签收人签字', left, y + 94);
  doc
    .lineWidth(0.6)
    .moveTo(left + 60, y + 106)
    .lineTo(middle - 16, y + 106)
    .stroke(INK);
  label(doc, '签收日期', middle, y + 94);
  doc
    .moveTo(middle + 62, y + 106)
    .lineTo(right, y + 106)
    .stroke(INK);
}

const CELL = { width: 12, height: 22 };

/**
 * The password one character per cell, each centred in a box of its own: monospaced whatever the
 * font, so that a reader counts and copies the characters one by one.
 */
function cells(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  doc.lineWidth(0.4);
  [...text].forEach((char, i) => {
    const left = x + i * CELL.width;
    doc.rect(left, y, CELL.width, CELL.height).stroke('#c8cdd4');
    doc.font('bold').fontSize(14).fillColor(INK);
    const width = doc.widthOfString(char);
    doc.text(char, left + (CELL.width - width) / 2, y + 3, { lineBreak: false });
  });
}

function label(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  doc.font('regular').fontSize(10).fillColor(MUTED).text(text, x, y, { lineBreak: false });
}

function footer(doc: PDFKit.PDFDocument, page: number, pages: number): void {
  doc.font('regular').fontSize(9).fillColor(MUTED);
  doc.text(
    `${NOTICE}。本清单含有密码，发放后请妥善保管或销毁。${GAP}第 ${page} / ${pages} 页`,
    MARGIN,
    A4.height - MARGIN - 10,
    { width: A4.width - 2 * MARGIN, align: 'center', lineBreak: false },
  );
}

import PDFDocument from 'pdfkit';
import type { PosterFonts } from './poster-fonts';

/**
 * A PDF of the bureau's printouts (gate posters, one-time password lists): Chinese, no margins,
 * the poster fonts registered as 'regular' and 'bold'; `done` gives its bytes once `doc.end()`.
 */
export function startPdf(
  size: [width: number, height: number],
  info: PDFKit.DocumentInfo,
  fonts: PosterFonts,
): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size,
    margin: 0,
    info: { Author: '亲清', Creator: '亲清 Qinqing', ...info },
    lang: 'zh-CN',
    displayTitle: true,
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.files.regular);
  doc.registerFont('bold', fonts.files.bold);
  return { doc, done };
}

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** pdf.js in a child process (it is an ES module): the page count, each page's size and text. */
const READ_PDF_TEXT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const text = (await page.getTextContent()).items.map((item) => item.str).join('\\n');
  pages.push({ mediaBox: page.view, text });
}
process.stdout.write(JSON.stringify({ pages }));
`;

export interface PdfText {
  pages: { mediaBox: number[]; text: string }[];
}

/** Reads a PDF as a viewer does: what text a person sees on each page. */
export function readPdfText(pdf: Buffer): PdfText {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', READ_PDF_TEXT], {
    cwd: path.join(__dirname, '..', '..'),
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8'));
}

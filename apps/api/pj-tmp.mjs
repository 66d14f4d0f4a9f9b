import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const data = new Uint8Array(readFileSync('/tmp/t.pdf'));
const doc = await getDocument({ data, verbosity: 0 }).promise;
const page = await doc.getPage(1);
const tc = await page.getTextContent();
console.log(doc.numPages, page.view, tc.items.map(i => i.str).join('|'));

import { HOTLINES, SIX_PROHIBITIONS } from '@qinqing/domain';
import jsQR from 'jsqr';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { startDemoWorld, type DemoWorld } from './support/demo-world';

/**
 * Reads a PDF the way a viewer does (pdf.js, in a child process: it is an ES module) and says
 * what it found: pages, the first page's MediaBox, its text, and what the QR code on the page,
 * rendered at 150 dpi, decodes to.
 */
const READ_PDF = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
const page = await doc.getPage(1);
const text = (await page.getTextContent()).items.map((item) => item.str).join('\\n');
const viewport = page.getViewport({ scale: 150 / 72 });
const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
await page.render({ canvas, viewport }).promise;
const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
const qr = jsQR(pixels.data, pixels.width, pixels.height);
process.stdout.write(JSON.stringify({ pages: doc.numPages, mediaBox: page.view, text, qr: qr?.data ?? null }));
`;

interface ReadPdf {
  pages: number;
  mediaBox: number[];
  text: string;
  qr: string | null;
}

function readPdf(pdf: Buffer): ReadPdf {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', READ_PDF], {
    cwd: path.join(__dirname, '..'),
    input: pdf,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8'));
}

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height, {
    inversionAttempts: 'dontInvert',
  })?.data;
}

/** The name in an RFC 5987 `filename*=UTF-8''…` parameter. */
function downloadName(disposition: string): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  if (!match) throw new Error(`no filename* in ${disposition}`);
  return decodeURIComponent(match[1]);
}

describe('GET /api/v1/gates/:gateId/poster.(pdf|png)', () => {
  let w: DemoWorld;
  let code: string;

  beforeAll(async () => {
    w = await startDemoWorld();
    code = await w.issueCode(w.firms.sinian);
  });
  afterAll(() => w.t.close());

  const poster = (gateId: string, format: 'pdf' | 'png', user = w.users.admin) =>
    user.request('GET', `/api/v1/gates/${gateId}/poster.${format}`);

  it('PDF: one A4 page whose text (real text, embedded font) carries the firm, the gate and the rules', async () => {
    const res = await poster(w.firms.sinian.gateId, 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="gate-poster-v1\.pdf"; filename\*=UTF-8''/);
    expect(downloadName(disposition)).toMatch(/^打卡码-郑州思念食品有限公司-.+-v1\.pdf$/);

    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // pdfkit writes its object dictionaries uncompressed: one page, A4, and the font embedded.
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).toMatch(/\/FontFile3?\b/);

    const read = readPdf(pdf);
    expect(read.pages).toBe(1);
    expect(read.mediaBox).toEqual([0, 0, 595.28, 841.89]);
    const [gate] = await w.t.dataSource.query('SELECT name FROM gate WHERE id = $1', [
      w.firms.sinian.gateId,
    ]);
    const text = read.text;
    for (const expected of [
      w.firms.sinian.name,
      `打卡点位：${gate.name}`,
      '执法检查 先扫码 后入企',
      '执法检查扫码登记，双向监督无事不扰',
      '环境监察人员“六不准”',
      ...SIX_PROHIBITIONS,
      ...HOTLINES.flatMap((h) => [h.number, `（${h.label}）`]),
      '打卡码第 1 版',
    ])
      expect(text).toContain(expected);
    expect(read.qr).toBe(code);
  });

  it('PNG: A4 at 150 dpi, and its QR code decodes to the gate’s current code', async () => {
    const res = await poster(w.firms.sinian.gateId, 'png');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(downloadName(String(res.headers['content-disposition']))).toMatch(
      /^打卡码-郑州思念食品有限公司-.+-v1\.png$/,
    );
    const png = res.rawPayload;
    expect(pngSize(png)).toEqual({ width: 1240, height: 1754 });
    expect(decodeQr(png)).toBe(code);
  });

  it('after the code is re-issued, both posters carry the new code and version', async () => {
    const firm = w.firms.haier;
    const first = await w.issueCode(firm);
    const second = await w.issueCode(firm);
    expect(second).not.toBe(first);
    const png = await poster(firm.gateId, 'png');
    expect(decodeQr(png.rawPayload)).toBe(second);
    expect(downloadName(String(png.headers['content-disposition']))).toMatch(/-v2\.png$/);
    const pdf = readPdf((await poster(firm.gateId, 'pdf')).rawPayload);
    expect(pdf.qr).toBe(second);
    expect(pdf.text).toContain('打卡码第 2 版');
    expect(pdf.text).toContain(firm.name);
  });

  it('is for admins only: 403 for officers, supervisors and firms, 401 without a token', async () => {
    for (const user of [w.users.officer1, w.users.supervisor, w.users.firm1]) {
      for (const format of ['pdf', 'png'] as const) {
        const res = await poster(w.firms.sinian.gateId, format, user);
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    const anonymous = await w.t.inject({
      method: 'GET',
      url: `/api/v1/gates/${w.firms.sinian.gateId}/poster.pdf`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('404 NOT_FOUND for an unknown gate, 400 for an id that is no UUID', async () => {
    for (const format of ['pdf', 'png'] as const) {
      const res = await poster(randomUUID(), format);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await poster('not-a-uuid', 'pdf')).statusCode).toBe(400);
  });

  it('404 NOT_FOUND for a gate that has no code yet', async () => {
    for (const format of ['pdf', 'png'] as const) {
      const res = await poster(w.firms.yutong.gateId, format);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });
});

import { posterFonts } from './poster-fonts';
import { A4, fitLines, layOutPoster, type PosterContent, type PosterItem } from './poster-layout';

const fonts = posterFonts();
const CODE = `https://qinqing.example.gov.cn/c/${'A1b2_-'.repeat(22)}xyzw`;

function content(overrides: Partial<PosterContent> = {}): PosterContent {
  return {
    firmName: '郑州思念食品有限公司',
    gateName: '正门',
    code: CODE,
    version: 1,
    issuedAt: new Date('2026-05-02T17:30:00Z'),
    ...overrides,
  };
}

const texts = (items: PosterItem[]) =>
  items.filter((item): item is Extract<PosterItem, { kind: 'text' }> => item.kind === 'text');

/** The part of the page a text item covers (ascent and descent of the font: 0.88 / 0.12 em). */
const extent = (item: Extract<PosterItem, { kind: 'text' }>) => ({
  left: item.x,
  right: item.x + fonts.width(item.text, item.weight, item.size),
  top: item.y - 0.88 * item.size,
  bottom: item.y + 0.12 * item.size,
});

describe('layOutPoster', () => {
  const firmNames = {
    short: '郑州思念食品有限公司',
    long: '郑州瀚洋天辰危险废物处置有限公司第二分公司（新郑市龙湖镇环保产业园区）',
    absurd: '河南省郑州市'.repeat(20),
  };

  it.each(Object.entries(firmNames))(
    'keeps every text on the page, none over another (%s firm name)',
    (_label, firmName) => {
      const page = layOutPoster(content({ firmName, gateName: '物流门（西侧）' }), fonts.width);
      const boxes = texts(page.items).map(extent);
      for (const box of boxes) {
        expect(box.left).toBeGreaterThanOrEqual(20);
        expect(box.right).toBeLessThanOrEqual(A4.width - 20);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(A4.height - 10);
      }
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const apart =
            a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart).toBe(true);
        }),
      );
    },
  );

  it('prints the QR code 8 to 9 cm wide, clear of the texts', () => {
    for (const firmName of Object.values(firmNames)) {
      const page = layOutPoster(content({ firmName }), fonts.width);
      const cells = page.items.find((item) => item.kind === 'cells')!.cells;
      const left = Math.min(...cells.map((c) => c.x));
      const right = Math.max(...cells.map((c) => c.x + c.width));
      const top = Math.min(...cells.map((c) => c.y));
      const bottom = Math.max(...cells.map((c) => c.y + c.height));
      const cm = (points: number) => (points / 72) * 2.54;
      expect(cm(right - left)).toBeGreaterThanOrEqual(7.99);
      expect(cm(right - left)).toBeLessThanOrEqual(9.01);
      expect(bottom - top).toBeCloseTo(right - left, 6);
      for (const box of texts(page.items).map(extent))
        expect(box.bottom <= top || box.top >= bottom).toBe(true);
    }
  });

  it('says, in order, the headline, the firm, the gate, the hotlines, 六不准 and the code’s version and date (China time)', () => {
    const page = layOutPoster(content({ version: 7 }), fonts.width);
    const words = texts(page.items).map((t) => t.text);
    const at = (text: string) => words.indexOf(text);
    expect(at('执法检查 先扫码 后入企')).toBeGreaterThanOrEqual(0);
    expect(at('执法检查扫码登记，双向监督无事不扰')).toBeGreaterThan(at('执法检查 先扫码 后入企'));
    expect(at('郑州思念食品有限公司')).toBeGreaterThan(at('执法检查扫码登记，双向监督无事不扰'));
    expect(at('打卡点位：正门')).toBeGreaterThan(at('郑州思念食品有限公司'));
    expect(at('12369')).toBeGreaterThan(at('打卡点位：正门'));
    expect(at('（执法监督）')).toBeGreaterThan(at('67189801'));
    expect(at('环境监察人员“六不准”')).toBeGreaterThan(at('（执法监督）'));
    expect(words.at(-1)).toBe('打卡码第 7 版 · 签发日期 2026年5月3日');
  });
});

describe('fitLines', () => {
  it('keeps a name that fits on one line at the largest size', () => {
    expect(
      fitLines('郑州思念食品有限公司', 'bold', 500, { max: 30, min: 22, lines: 2 }, fonts.width),
    ).toEqual({
      lines: ['郑州思念食品有限公司'],
      size: 30,
    });
  });

  it('breaks a long name into two lines of about equal width, losing nothing', () => {
    const name = '郑州瀚洋天辰危险废物处置有限公司第二分公司（新郑市龙湖镇环保产业园区）';
    const { lines, size } = fitLines(
      name,
      'bold',
      500,
      { max: 30, min: 22, lines: 2 },
      fonts.width,
    );
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe(name);
    expect(size).toBeGreaterThanOrEqual(22);
    const [a, b] = lines.map((line) => fonts.width(line, 'bold', size));
    expect(Math.max(a, b)).toBeLessThanOrEqual(500);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(2 * size);
  });

  it('never splits a run of Latin letters or digits', () => {
    const { lines } = fitLines(
      'ABCDEFGHIJ 0123456789 环保科技有限公司',
      'bold',
      200,
      { max: 30, min: 22, lines: 2 },
      fonts.width,
    );
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.includes('ABCDEFGHIJ'))).toBe(true);
    expect(lines.some((line) => line.includes('0123456789'))).toBe(true);
  });
});

import { dataUrlBytes } from './data-url';
import {
  InkTracker,
  SIGNATURE_MIN_INK,
  inkLength,
  isSignatureEmpty,
  strokeLength,
} from './signature-stroke';

describe('strokeLength', () => {
  it('sums the segments of a stroke', () => {
    expect(
      strokeLength([
        { x: 0, y: 0 },
        { x: 3, y: 4 },
        { x: 3, y: 10 },
      ]),
    ).toBe(11);
  });

  it('is 0 for a dot', () => {
    expect(strokeLength([{ x: 5, y: 5 }])).toBe(0);
    expect(strokeLength([])).toBe(0);
  });

  it('adds up all strokes', () => {
    expect(
      inkLength([
        [
          { x: 0, y: 0 },
          { x: 10, y: 0 },
        ],
        [
          { x: 0, y: 0 },
          { x: 0, y: 20 },
        ],
      ]),
    ).toBe(30);
  });
});

describe('isSignatureEmpty', () => {
  it('treats no ink, a dot and a short tick as not signed', () => {
    expect(isSignatureEmpty(0)).toBe(true);
    expect(isSignatureEmpty(SIGNATURE_MIN_INK - 1)).toBe(true);
  });

  it('treats enough ink as signed', () => {
    expect(isSignatureEmpty(SIGNATURE_MIN_INK)).toBe(false);
    expect(isSignatureEmpty(500)).toBe(false);
  });

  it('treats a non-number as not signed', () => {
    expect(isSignatureEmpty(Number.NaN)).toBe(true);
  });
});

describe('InkTracker', () => {
  it('accumulates ink over strokes and starts over on clear', () => {
    const ink = new InkTracker();
    ink.begin({ x: 0, y: 0 });
    expect(ink.drawing).toBe(true);
    expect(ink.extend({ x: 30, y: 40 })).toEqual({ x: 0, y: 0 });
    ink.end();
    expect(ink.drawing).toBe(false);
    expect(ink.ink).toBe(50);

    ink.begin({ x: 100, y: 100 });
    ink.extend({ x: 100, y: 120 });
    ink.end();
    expect(ink.ink).toBe(70);

    ink.clear();
    expect(ink.ink).toBe(0);
  });

  it('ignores moves without a pressed finger or button', () => {
    const ink = new InkTracker();
    expect(ink.extend({ x: 10, y: 10 })).toBeUndefined();
    expect(ink.ink).toBe(0);
  });

  it('counts a tap as no ink', () => {
    const ink = new InkTracker();
    ink.begin({ x: 10, y: 10 });
    ink.end();
    expect(isSignatureEmpty(ink.ink)).toBe(true);
  });
});

describe('dataUrlBytes', () => {
  it('is the decoded size of the base64 payload', () => {
    const payload = Buffer.from('hello world!').toString('base64');
    expect(dataUrlBytes(`data:image/png;base64,${payload}`)).toBe(12);
    expect(dataUrlBytes(`data:image/png;base64,${Buffer.from('ab').toString('base64')}`)).toBe(2);
    expect(dataUrlBytes(`data:image/png;base64,${Buffer.from('abcd').toString('base64')}`)).toBe(4);
  });
});

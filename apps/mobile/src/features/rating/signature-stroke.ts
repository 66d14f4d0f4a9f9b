/**
 * The ink of the 企业签字 pad, kept apart from any canvas so that "something is signed" can be
 * decided (and tested) without drawing: a dot or an accidental tap is not a signature.
 */

export interface InkPoint {
  x: number;
  y: number;
}

/** Total ink (in CSS pixels of the pad) below which the pad counts as not signed. */
export const SIGNATURE_MIN_INK = 60;

/** Length of one stroke: the sum of its segments. */
export function strokeLength(points: readonly InkPoint[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i += 1) {
    length += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  }
  return length;
}

/** Total ink of all strokes. */
export function inkLength(strokes: readonly (readonly InkPoint[])[]): number {
  return strokes.reduce((sum, stroke) => sum + strokeLength(stroke), 0);
}

/** Whether the pad holds too little ink to be a signature (empty, a dot, a tap). */
export function isSignatureEmpty(ink: number, minInk: number = SIGNATURE_MIN_INK): boolean {
  return !(ink >= minInk);
}

/**
 * Accumulates strokes as the finger or mouse moves; `ink` is the running total. One instance per
 * pad; `clear()` starts over.
 */
export class InkTracker {
  private strokes: InkPoint[][] = [];
  private current: InkPoint[] | null = null;
  private total = 0;

  get ink(): number {
    return this.total;
  }

  get drawing(): boolean {
    return this.current !== null;
  }

  /** Starts a stroke at p. */
  begin(p: InkPoint): void {
    this.current = [p];
    this.strokes.push(this.current);
  }

  /** Extends the current stroke to p; returns the previous point (to draw the segment), if any. */
  extend(p: InkPoint): InkPoint | undefined {
    if (!this.current) return undefined;
    const previous = this.current[this.current.length - 1];
    this.current.push(p);
    this.total += Math.hypot(p.x - previous.x, p.y - previous.y);
    return previous;
  }

  end(): void {
    this.current = null;
  }

  clear(): void {
    this.strokes = [];
    this.current = null;
    this.total = 0;
  }
}

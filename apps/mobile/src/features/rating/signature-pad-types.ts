/** What the rate page can do with the 企业签字 pad (both platform versions implement it). */
export interface SignaturePadHandle {
  /** wipes the pad (white) and its ink count */
  clear(): void;
  /** the signature as a PNG data URL, or null if the pad could not be read */
  toDataUrl(): Promise<string | null>;
}

export interface SignaturePadProps {
  /** called with the running ink length whenever it changes (0 after clear) */
  onInkChange(ink: number): void;
  disabled?: boolean;
}

/** Dark ink on white paper. */
export const SIGNATURE_INK = '#111111';
export const SIGNATURE_PAPER = '#ffffff';
export const SIGNATURE_LINE_WIDTH = 3;

/** A tab stop for a View that acts as a control (Taro's View types have no tabIndex). */
export const FOCUSABLE = { tabIndex: 0 } as Record<string, unknown>;

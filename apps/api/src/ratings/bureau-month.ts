/** 'YYYY-MM' of a moment in the bureau's time. */
export function bureauMonth(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 7);
}

/** `'A', 'B'` for a CHECK constraint over a closed vocabulary of plain identifiers. */
export function sqlList(values: readonly string[]): string {
  for (const value of values) {
    if (!/^[A-Za-z_]+$/.test(value)) throw new Error(`not a plain identifier: ${value}`);
  }
  return values.map((value) => `'${value}'`).join(', ');
}

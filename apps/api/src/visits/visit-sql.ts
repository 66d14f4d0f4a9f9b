/**
 * Named predicates on the visit table, for the repositories' SQL. One place for each rule: a
 * repository never spells `outcome <> 'REFUSED'` itself.
 */

/** A visit that took place (the officer entered): every outcome but a refused attempt. */
export function enteredVisitSql(alias: string): string {
  return `${alias}.outcome <> 'REFUSED'`;
}

/**
 * What a caller may see. Built once per request from the caller's account; every query that
 * returns firms or visits applies it (see ScopeService), so no id in a URL widens it.
 */
export type AccessScope =
  | { kind: 'all' }
  /** officer: the unit's records; supervisor: the units of the jurisdiction (a subtree) */
  | { kind: 'units'; unitIds: string[]; userId: string }
  /** enterprise user: the firms bound to the account */
  | { kind: 'enterprises'; enterpriseIds: string[] };

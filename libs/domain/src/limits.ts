/**
 * Sizes of fields the API accepts, in one place: the request schemas (./contract/schemas) check
 * them and the database columns (apps/api entities) are declared with them.
 */
export const FIELD_LIMITS = {
  /** the scanned text of a gate code (its URL or the bare token) */
  gateCodeText: 1000,
  /** a visit's reference: the task, complaint number, case … its purpose needs */
  visitReference: 100,
  /** co-officers named in one check-in */
  coOfficers: 10,
  /** metres of location accuracy a phone may report */
  locationAccuracyM: 100_000,
  /** an officer's notes at check-out */
  checkOutNotes: 2000,
  /** the opaque keyset cursor of a list */
  cursor: 200,
} as const;

/** Items per page of a keyset-paginated list: the default and the most a client may ask for. */
export const PAGE_SIZE = { default: 50, max: 200 } as const;

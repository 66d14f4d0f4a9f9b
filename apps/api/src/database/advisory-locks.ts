import { createHash } from 'node:crypto';

/**
 * The PostgreSQL advisory locks the API takes, all in one namespace: the two-key form
 * `pg_advisory_lock(ADVISORY_LOCK_NAMESPACE, key)` keeps them apart from any other application's
 * locks on the same database.
 */
export const ADVISORY_LOCK_NAMESPACE = 0x7171; // "qq"

/** Held while migrations run, so instances started at once migrate one after the other. */
export const MIGRATIONS_LOCK = 1;

/**
 * The lock of a periodic job, held for the length of one run (see JobScheduler). Derived from the
 * job's name, so every instance of the same code takes the same key without a list to keep.
 */
export function jobLockKey(jobName: string): number {
  return createHash('sha256').update(`job:${jobName}`).digest().readInt32BE(0);
}

import { type CheckInPolicy, DEFAULT_CHECK_IN_POLICY } from '@qinqing/domain';

/**
 * A stored policy version as the rules take it: versions stored before a field existed take that
 * field's default.
 */
export function policyOfVersion(row: { version: number; body: unknown }): CheckInPolicy {
  return {
    ...DEFAULT_CHECK_IN_POLICY,
    ...(row.body as Partial<CheckInPolicy>),
    version: row.version,
  };
}

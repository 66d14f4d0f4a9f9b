import { PURPOSES, type CheckInPolicy, type Purpose } from '@qinqing/domain';

/**
 * Whether the policy refuses this purpose at a firm on the 正面清单 (无事不扰). Off the list, or
 * before the policy has loaded, nothing is marked (the server decides anyway).
 */
export function purposeDisallowedAtFirm(
  purpose: Purpose,
  onPositiveList: boolean | undefined,
  policy: Pick<CheckInPolicy, 'positiveListAllowedPurposes'> | undefined,
): boolean {
  if (!onPositiveList || !policy) return false;
  return !policy.positiveListAllowedPurposes.includes(purpose);
}

export function disallowedPurposes(
  onPositiveList: boolean | undefined,
  policy: Pick<CheckInPolicy, 'positiveListAllowedPurposes'> | undefined,
): Purpose[] {
  return PURPOSES.filter((p) => purposeDisallowedAtFirm(p, onPositiveList, policy));
}

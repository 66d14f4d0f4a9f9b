import { DEFAULT_CHECK_IN_POLICY, PURPOSES } from '@qinqing/domain';

import { disallowedPurposes, purposeDisallowedAtFirm } from './purpose-availability';

describe('purpose availability at a 正面清单 firm', () => {
  it('marks every purpose the policy does not allow at a firm on the list', () => {
    expect(disallowedPurposes(true, DEFAULT_CHECK_IN_POLICY)).toEqual(
      PURPOSES.filter((p) => p !== 'COMPLAINT_VERIFICATION' && p !== 'REQUESTED_SERVICE'),
    );
    expect(purposeDisallowedAtFirm('ROUTINE', true, DEFAULT_CHECK_IN_POLICY)).toBe(true);
    expect(purposeDisallowedAtFirm('COMPLAINT_VERIFICATION', true, DEFAULT_CHECK_IN_POLICY)).toBe(
      false,
    );
  });

  it('follows the served policy rather than a fixed list', () => {
    const policy = { positiveListAllowedPurposes: ['ROUTINE' as const] };
    expect(purposeDisallowedAtFirm('ROUTINE', true, policy)).toBe(false);
    expect(purposeDisallowedAtFirm('COMPLAINT_VERIFICATION', true, policy)).toBe(true);
  });

  it('marks nothing off the list or before the policy is known', () => {
    expect(disallowedPurposes(false, DEFAULT_CHECK_IN_POLICY)).toEqual([]);
    expect(disallowedPurposes(true, undefined)).toEqual([]);
    expect(disallowedPurposes(undefined, DEFAULT_CHECK_IN_POLICY)).toEqual([]);
  });
});

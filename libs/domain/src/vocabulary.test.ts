import {
  CREDIT_GRADE_LABELS,
  CREDIT_GRADES,
  ERROR_CODES,
  ERROR_MESSAGES,
  FINDINGS,
  FINDINGS_LABELS,
  isPurpose,
  PURPOSE_INFO,
  PURPOSES,
  purposeNeedsReference,
  REASON_CODES,
  reason,
} from './index';

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('domain vocabulary', () => {
  it('names the eight purposes of the stable contract, with Chinese labels', () => {
    expect(PURPOSES).toEqual([
      'RANDOM_INSPECTION',
      'COMPLAINT_VERIFICATION',
      'RECTIFICATION_REVIEW',
      'SPECIAL_CAMPAIGN',
      'HEAVY_POLLUTION_RESPONSE',
      'ASSIGNED_BY_SUPERIOR',
      'REQUESTED_SERVICE',
      'ROUTINE',
    ]);
    for (const purpose of PURPOSES) expect(hasChinese(PURPOSE_INFO[purpose].label)).toBe(true);
  });

  it('requires a reference for every purpose except routine inspection', () => {
    expect(PURPOSES.filter((p) => !purposeNeedsReference(p))).toEqual(['ROUTINE']);
  });

  it('recognises purposes and nothing else', () => {
    expect(isPurpose('ROUTINE')).toBe(true);
    expect(isPurpose('routine')).toBe(false);
    expect(isPurpose(undefined)).toBe(false);
  });

  it("has the credit grades of the contract with the seeds' Chinese names", () => {
    expect(CREDIT_GRADES).toEqual([
      'TRUSTWORTHY',
      'GOOD',
      'WARNING',
      'SERIOUSLY_DISHONEST',
      'UNRATED',
    ]);
    expect(CREDIT_GRADE_LABELS.SERIOUSLY_DISHONEST).toBe('严重失信');
  });

  it('labels findings as the check-out form shows them', () => {
    expect(FINDINGS.map((f) => FINDINGS_LABELS[f])).toEqual([
      '未发现问题',
      '责令整改',
      '立案查处',
      '轻微违法免罚',
      '服务指导',
    ]);
  });

  it('gives every reason and error code a Chinese message', () => {
    for (const code of REASON_CODES) expect(hasChinese(reason(code).message)).toBe(true);
    for (const code of ERROR_CODES) expect(hasChinese(ERROR_MESSAGES[code])).toBe(true);
    expect(REASON_CODES).toEqual(
      expect.arrayContaining([
        'POSITIVE_LIST_NO_DISTURBANCE',
        'ANNUAL_CAP_REACHED',
        'QUIET_PERIOD',
        'REPEAT_VISIT',
        'SINGLE_OFFICER',
        'OUT_OF_GEOFENCE',
        'REFERENCE_REQUIRED',
        'OFFICER_INACTIVE',
        'CODE_REVOKED',
        'CODE_INVALID',
        'LATE_SYNC',
        'LATE_SYNC_CONFLICT',
        'OUT_OF_JURISDICTION',
        'CLOCK_SKEW',
      ]),
    );
  });
});

import { PURPOSES, reason, type CheckInPreview, type ReasonCode } from '@qinqing/domain';

import { purposesAdmittedOnList, verdictOf } from './verdict';

function previewWith(
  onPositiveList: boolean,
  routine: { outcome: 'ALLOWED' | 'FLAGGED' | 'REFUSED'; codes: ReasonCode[] },
): CheckInPreview {
  const decisions = Object.fromEntries(
    PURPOSES.map((p) => [p, { outcome: 'ALLOWED', reasons: [] }]),
  ) as unknown as CheckInPreview['decisions'];
  decisions.ROUTINE = { outcome: routine.outcome, reasons: routine.codes.map(reason) };
  return {
    enterprise: { id: 'f', name: '企业', onPositiveList, creditGrade: 'A' as never },
    gate: { id: 'g', name: '正门' },
    policyVersion: 1,
    decisions,
    evaluatedAt: new Date().toISOString(),
  };
}

describe('verdictOf', () => {
  it('names the refusing rules first and leaves the flags out of a refusal', () => {
    const v = verdictOf(
      previewWith(false, { outcome: 'REFUSED', codes: ['QUIET_PERIOD', 'SINGLE_OFFICER'] }),
      'ROUTINE',
    );
    expect(v).toMatchObject({ tone: 'refused', headline: '将不予入企：企业安静期' });
    expect(v.reasons.map((r) => r.code)).toEqual(['QUIET_PERIOD']);
  });

  it('a repeat visit refuses at a 正面清单 firm and only flags elsewhere', () => {
    expect(
      verdictOf(previewWith(true, { outcome: 'REFUSED', codes: ['REPEAT_VISIT'] }), 'ROUTINE').tone,
    ).toBe('refused');
    expect(
      verdictOf(previewWith(false, { outcome: 'FLAGGED', codes: ['REPEAT_VISIT'] }), 'ROUTINE'),
    ).toMatchObject({ tone: 'flagged', headline: '可以入企，将标记：近期重复检查' });
  });

  it('does not judge the geofence while the phone is still locating', () => {
    const preview = previewWith(false, { outcome: 'FLAGGED', codes: ['OUT_OF_GEOFENCE'] });
    expect(verdictOf(preview, 'ROUTINE', { locating: true }).tone).toBe('allowed');
    expect(verdictOf(preview, 'ROUTINE').tone).toBe('flagged');
  });

  it('asks for the reference rather than calling the purpose barred, unless another rule bars it', () => {
    const missing = previewWith(false, {
      outcome: 'REFUSED',
      codes: ['REFERENCE_REQUIRED', 'RANDOM_TASK_MISMATCH'],
    });
    expect(verdictOf(missing, 'ROUTINE')).toMatchObject({ tone: 'needs-reference' });
    const barred = previewWith(true, {
      outcome: 'REFUSED',
      codes: ['POSITIVE_LIST_NO_DISTURBANCE', 'REFERENCE_REQUIRED'],
    });
    expect(verdictOf(barred, 'ROUTINE')).toMatchObject({
      tone: 'refused',
      rules: '正面清单企业无事不扰',
    });
  });

  it('lists the purposes the 正面清单 admits', () => {
    const preview = previewWith(true, {
      outcome: 'REFUSED',
      codes: ['POSITIVE_LIST_NO_DISTURBANCE'],
    });
    expect(purposesAdmittedOnList(preview)).toEqual(PURPOSES.filter((p) => p !== 'ROUTINE'));
  });
});

import {
  isRefusingReason,
  PURPOSE_INFO,
  REASON_TITLES,
  type CheckInPreview,
  type DecisionReason,
  type Purpose,
  type ReasonCode,
} from '@qinqing/domain';

/**
 * What the officer reads before committing, for one purpose of a preview:
 * - `allowed`: 可以入企; `flagged`: 可以入企 and recorded with the rules named;
 * - `refused`: 不予入企 by the rules named (the attempt would still be recorded);
 * - `needs-reference`: nothing refuses it but the reference it needs is still empty.
 */
export interface Verdict {
  tone: 'allowed' | 'flagged' | 'refused' | 'needs-reference';
  /** one line, e.g. "将不予入企：本年度检查次数已达上限" */
  headline: string;
  /** the reasons that lead to the tone, refusing first */
  reasons: DecisionReason[];
  /** their short names, e.g. "企业安静期、单人执法" ('' when none) */
  rules: string;
}

/** Reasons about the reference itself: they say "fill it in", not "this purpose is barred". */
const REFERENCE_REASONS: readonly ReasonCode[] = ['REFERENCE_REQUIRED', 'RANDOM_TASK_MISMATCH'];

const titles = (reasons: DecisionReason[]) => reasons.map((r) => REASON_TITLES[r.code]).join('、');

/**
 * The verdict of `purpose` in a preview. While the phone is still locating, the geofence is not
 * judged yet (the location card says so). A purpose whose reference is still empty is judged on
 * its other rules only.
 */
export function verdictOf(
  preview: CheckInPreview,
  purpose: Purpose,
  options: { locating?: boolean } = {},
): Verdict {
  const onList = preview.enterprise?.onPositiveList ?? false;
  let reasons = preview.decisions[purpose].reasons.filter(
    (r) => !(options.locating && r.code === 'OUT_OF_GEOFENCE'),
  );
  const referenceMissing = reasons.some((r) => r.code === 'REFERENCE_REQUIRED');
  if (referenceMissing) reasons = reasons.filter((r) => !REFERENCE_REASONS.includes(r.code));
  const refusing = reasons.filter((r) => isRefusingReason(r.code, onList));
  if (refusing.length > 0) {
    const rules = titles(refusing);
    return { tone: 'refused', headline: `将不予入企：${rules}`, reasons: refusing, rules };
  }
  if (referenceMissing) {
    return {
      tone: 'needs-reference',
      headline: `请填写${PURPOSE_INFO[purpose].referenceLabel ?? '事由依据'}，再看能否入企`,
      reasons: [],
      rules: '',
    };
  }
  if (reasons.length > 0) {
    const rules = titles(reasons);
    return { tone: 'flagged', headline: `可以入企，将标记：${rules}`, reasons, rules };
  }
  return { tone: 'allowed', headline: '可以入企', reasons: [], rules: '' };
}

/** Purposes the positive list admits at this firm (无事不扰), from the preview. */
export function purposesAdmittedOnList(preview: CheckInPreview): Purpose[] {
  return (Object.keys(preview.decisions) as Purpose[]).filter(
    (p) => !preview.decisions[p].reasons.some((r) => r.code === 'POSITIVE_LIST_NO_DISTURBANCE'),
  );
}

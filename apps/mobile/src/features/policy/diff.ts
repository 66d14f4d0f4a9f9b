import {
  CREDIT_GRADE_LABELS,
  CREDIT_GRADES,
  DEFAULT_CHECK_IN_POLICY,
  JURISDICTION_ASSIGNMENT_KIND_LABELS,
  type CheckInPolicy,
  type JurisdictionAssignment,
  type QuietPeriodRule,
} from '@qinqing/domain';

import { chinaTime } from '../../services/china-time';
import { daysText, NUMBER_FIELDS, numberText, PURPOSE_FIELDS, purposeLabel } from './fields';

/** A stored version (GET /api/v1/policy/versions), newest first. */
export interface PolicyVersionView {
  version: number;
  body: CheckInPolicy;
  note: string;
  createdBy: string | null;
  createdByName?: string | null;
  createdAt: string;
}

/** One field of a version in words. */
export interface PolicyRow {
  id: string;
  label: string;
  text: string;
}

/** The policy of a stored version: fields added since it was stored take their defaults. */
export function bodyOf(version: PolicyVersionView): CheckInPolicy {
  return { ...DEFAULT_CHECK_IN_POLICY, ...version.body, version: version.version };
}

function quietText(rule: QuietPeriodRule): string {
  const who: string[] = [];
  if (rule.creditGrades?.length) {
    who.push(`信用等级为${rule.creditGrades.map((g) => CREDIT_GRADE_LABELS[g]).join('、')}的企业`);
  }
  if (rule.positiveListOnly) who.push('正面清单企业');
  if (rule.enterpriseIds?.length) who.push(`指定的 ${rule.enterpriseIds.length} 家企业`);
  const name = rule.label ? `${rule.label}：` : '';
  return `${name}每月 ${daysText(rule.daysOfMonth)} 日，${who.length ? who.join('或') : '所有企业'}`;
}

/** “指定管辖 郑环指〔2026〕3号：2026-11-01 至 2026-12-31，1 个执法单位、2 家企业”. */
function assignmentText(a: JurisdictionAssignment): string {
  return (
    `${JURISDICTION_ASSIGNMENT_KIND_LABELS[a.kind]} ${a.reference}：${a.validFrom} 至 ${a.validTo}，` +
    `${a.unitIds.length} 个执法单位、${a.enterpriseIds.length} 家企业`
  );
}

/** Every field of a policy, labelled in Chinese, in the order of the form. */
export function policyRows(policy: CheckInPolicy): PolicyRow[] {
  const rows: PolicyRow[] = NUMBER_FIELDS.map((f) => ({
    id: f.id,
    label: f.label,
    text: `${numberText(policy[f.key])} ${f.unit}`,
  }));
  for (const f of PURPOSE_FIELDS) {
    const list = policy[f.key];
    rows.push({
      id: f.key,
      label: f.label,
      text: list.length ? list.map(purposeLabel).join('、') : '（无）',
    });
  }
  rows.push({
    id: 'quietPeriods',
    label: '安静期',
    text: policy.quietPeriods.length ? policy.quietPeriods.map(quietText).join('；') : '（无）',
  });
  const assignments = policy.jurisdictionAssignments ?? [];
  rows.push({
    id: 'jurisdictionAssignments',
    label: '联合执法与指定管辖',
    text: assignments.length ? assignments.map(assignmentText).join('；') : '（无）',
  });
  const w = policy.drawWeights;
  rows.push({ id: 'baseRatio', label: '基础抽查比例', text: `${numberText(w.baseRatio * 100)}%` });
  for (const g of CREDIT_GRADES) {
    rows.push({
      id: `grade.${g}`,
      label: `信用等级“${CREDIT_GRADE_LABELS[g]}”的权重`,
      text: `×${numberText(w.creditGrade[g])}`,
    });
  }
  rows.push({
    id: 'positiveList',
    label: '正面清单企业的权重',
    text: `×${numberText(w.positiveList)}`,
  });
  return rows;
}

/** Two versions side by side: every field, and whether it changed. */
export interface DiffRow extends PolicyRow {
  before: string;
  after: string;
  changed: boolean;
}

export function diffPolicies(before: CheckInPolicy, after: CheckInPolicy): DiffRow[] {
  const a = policyRows(before);
  const b = new Map(policyRows(after).map((r) => [r.id, r.text]));
  return a.map((row) => {
    const next = b.get(row.id) ?? '';
    return { ...row, before: row.text, after: next, changed: row.text !== next };
  });
}

/** “第 3 版 · 2026-12-01 15:40 · 系统管理员”. */
export function versionTitle(v: PolicyVersionView): string {
  const who = v.createdByName ? ` · ${v.createdByName}` : v.createdBy ? '' : ' · 系统默认';
  return `第 ${v.version} 版 · ${chinaTime(v.createdAt)}${who}`;
}

/**
 * The two versions to compare after a tap on `version`: it joins the pair, and the one chosen
 * earlier goes; a tap on a chosen one removes it.
 */
export function toggleCompared(chosen: readonly number[], version: number): number[] {
  if (chosen.includes(version)) return chosen.filter((v) => v !== version);
  const next = [...chosen, version];
  while (next.length > 2) next.shift();
  return next;
}

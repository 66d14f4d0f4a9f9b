import {
  CREDIT_GRADE_LABELS,
  CREDIT_GRADES,
  drawInputsHash,
  FINDINGS_LABELS,
  runDraw,
  seedCommitment,
  type DrawInputs,
  type DrawStatus,
  type PublicDrawResult,
  type PublicDrawView,
} from '@qinqing/domain';

import { rateText } from './draw-form';

/** 一公开: what the published page of a draw shows, and the check anyone can run on it. */

export const DRAW_STATUS_LABELS: Record<DrawStatus, string> = {
  COMMITTED: '已承诺',
  REVEALED: '已揭示',
};

export const NOT_REVEALED = '尚未揭示';

/** A long hex text in lines of `width` characters (a 128-character SHA-512 → 4 lines of 32). */
export function hexLines(hex: string, width = 32): string[] {
  const lines: string[] = [];
  for (let i = 0; i < hex.length; i += width) lines.push(hex.slice(i, i + width));
  return lines;
}

/** 已检查 / 未检查, and the outcome once the inspection is closed. */
export function resultStatusText(result: Pick<PublicDrawResult, 'inspected' | 'outcome'>): {
  inspected: string;
  outcome: string;
} {
  return {
    inspected: result.inspected ? '已检查' : '未检查',
    outcome: result.outcome ? FINDINGS_LABELS[result.outcome] : result.inspected ? '检查中' : '—',
  };
}

/** The weights in words, e.g. ['基础抽查比例 10%', '诚信 ×0.5', …, '正面清单 ×0.2']. */
export function weightTexts(draw: Pick<PublicDrawView, 'weights' | 'officersPerTask'>): string[] {
  const { weights } = draw;
  return [
    `基础抽查比例 ${rateText(weights.baseRatio)}`,
    ...CREDIT_GRADES.map((g) => `${CREDIT_GRADE_LABELS[g]} ×${weights.creditGrade[g]}`),
    `正面清单 ×${weights.positiveList}`,
    `每项任务 ${draw.officersPerTask} 名执法人员`,
  ];
}

/** How anyone verifies a draw, in the order of the checks. */
export const VERIFY_STEPS: readonly string[] = [
  '抽查前公布“随机种子承诺值”（种子的 SHA-512）和“输入数据摘要”（输入数据规范化 JSON 的 SHA-512），此后种子和输入均不能再改。',
  '揭示后，计算 SHA-512(随机种子)，应等于公布的承诺值。',
  '下载输入数据，计算 SHA-512(输入数据的规范化 JSON)，应等于公布的输入数据摘要。',
  '用开源的 libs/domain 中的 runDraw(输入数据, 随机种子) 重新抽取，应得到与下表相同的企业和顺序。',
];

/** The file behind the download link (GET /public/draws/:id/inputs). */
export interface DrawInputsFile {
  number: string;
  inputs: DrawInputs;
  inputsHash: string;
  seedCommitment: string;
  seed: string | null;
}

export interface VerifyCheck {
  label: string;
  ok: boolean;
}

export interface VerifyOutcome {
  ok: boolean;
  checks: VerifyCheck[];
  /** one sentence for the page */
  summary: string;
}

/**
 * Re-runs the draw on this device: the seed against its commitment, the inputs against their
 * hash, and runDraw(inputs, seed) against the published list (same firms by USCC, same order).
 */
export function verifyDraw(published: PublicDrawView, file: DrawInputsFile): VerifyOutcome {
  const checks: VerifyCheck[] = [];
  const seed = file.seed ?? published.seed;
  if (!seed) {
    return {
      ok: false,
      checks: [],
      summary: '随机种子尚未揭示，揭示后方可复核。',
    };
  }
  checks.push({
    label: 'SHA-512(随机种子) 等于公布的承诺值',
    ok:
      seedCommitment(seed) === published.seedCommitment &&
      file.seedCommitment === published.seedCommitment,
  });
  checks.push({
    label: 'SHA-512(输入数据) 等于公布的输入数据摘要',
    ok:
      drawInputsHash(file.inputs) === published.inputsHash &&
      file.inputsHash === published.inputsHash,
  });
  checks.push({
    label: `抽查池 ${file.inputs.pool.length} 家与公布的 ${published.poolSize} 家一致`,
    ok: file.inputs.pool.length === published.poolSize,
  });
  const usccOf = new Map(file.inputs.pool.map((f) => [f.id, f.uscc]));
  const redrawn = runDraw(file.inputs, seed).map(
    (t) => `${t.number}:${usccOf.get(t.enterpriseId)}`,
  );
  const listed = [...published.results]
    .sort((a, b) => a.taskNumber - b.taskNumber)
    .map((r) => `${r.taskNumber}:${r.uscc}`);
  checks.push({
    label: `重新抽取得到 ${redrawn.length} 家，与公布的 ${listed.length} 家（企业及顺序）一致`,
    ok: redrawn.length === listed.length && redrawn.every((x, i) => x === listed[i]),
  });
  const ok = checks.every((c) => c.ok);
  return {
    ok,
    checks,
    summary: ok
      ? '复核一致：本机重新计算的结果与公布的完全相同。'
      : '复核不一致：请查看下面未通过的项目。',
  };
}

import type {
  AuditCheckpoint,
  AuditedTable,
  ChainVerification,
  CheckpointConflict,
} from '@qinqing/domain';

import { chinaDateTime } from '../../services/china-time';

const TABLE_WORDS: Record<AuditedTable, string> = {
  visit: '检查记录',
  rating: '好差评',
  misconduct_report: '监督举报',
  follow_up_case: '回访核实',
};

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** "第 1234 条 · 3f9a0c…（5月12日 10:00）": a checkpoint in one line. */
export function checkpointLine(checkpoint: Pick<AuditCheckpoint, 'seq' | 'hash' | 'at'>): string {
  return `第 ${checkpoint.seq} 条 · ${short(checkpoint.hash)}（${chinaDateTime(checkpoint.at)}）`;
}

function conflictText(c: CheckpointConflict): string {
  return `${c.chain ?? 0} 号分链第 ${c.seq} 条（检查点为 ${short(c.expected)}，现为 ${c.found ? short(c.found) : '缺失'}）`;
}

/**
 * The broken chains of a verification, each with its first broken seq (the log is several
 * chains, numbered from 0); a check recorded without them names chain 0.
 */
export function brokenChains(v: ChainVerification): { chain: number; seq: number }[] {
  if (v.chains) {
    return v.chains.flatMap((c) =>
      c.firstBrokenSeq === null ? [] : [{ chain: c.chain, seq: c.firstBrokenSeq }],
    );
  }
  return v.firstBrokenSeq === null
    ? []
    : [{ chain: v.firstBrokenChain ?? 0, seq: v.firstBrokenSeq }];
}

/**
 * What a failed verification found, one sentence per kind, in the bureau's words; empty when it
 * found nothing.
 */
export function verificationProblems(v: ChainVerification): string[] {
  const problems: string[] = [];
  for (const { chain, seq } of brokenChains(v)) {
    problems.push(`审计链（${chain} 号分链）在第 ${seq} 条记录处断裂。`);
  }
  const mismatches = v.rowMismatches ?? [];
  const mismatchCount = v.rowMismatchCount ?? mismatches.length;
  if (mismatchCount > 0) {
    const named = mismatches
      .slice(0, 5)
      .map((m) => `${TABLE_WORDS[m.table] ?? m.table} ${m.id.slice(0, 8)}`)
      .join('、');
    const more = mismatchCount > 5 ? ` 等` : '';
    problems.push(`${mismatchCount} 条业务数据与审计记录不符：${named}${more}。`);
  }
  const conflicts = v.checkpointConflicts ?? [];
  if (conflicts.length > 0) {
    problems.push(
      `${conflicts.length} 个签名检查点与现存审计链不符，审计链可能被回退或重算：${conflicts
        .slice(0, 3)
        .map(conflictText)
        .join('；')}${conflicts.length > 3 ? ' 等' : ''}。`,
    );
  }
  return problems;
}

/** What a sound verification covered, e.g. "已核对 12 条业务数据、3 个签名检查点". */
export function verificationCoverage(v: ChainVerification): string {
  const parts = [
    `已核对 ${v.rowsChecked ?? 0} 条业务数据`,
    `${v.checkpointsChecked ?? 0} 个签名检查点`,
  ];
  const rejected = v.rejectedCheckpoints?.length ?? 0;
  return `${parts.join('、')}${rejected > 0 ? `；${rejected} 个检查点签名无效，未采用` : ''}`;
}

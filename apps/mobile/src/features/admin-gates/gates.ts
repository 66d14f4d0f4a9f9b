import type { GateCodeHistory, GateCodeVersion, GateListItem } from '@qinqing/domain';

import { api } from '../../services/api';
import { chinaTime } from '../../services/china-time';

/** 门口码与海报: what the admin's screen reads and says about gates and their code versions. */

/** A gate with its firm and the code in force (GET /api/v1/gates). */
export type GateItem = GateListItem;
export type { GateCodeHistory, GateCodeVersion };

export type PosterFormat = 'pdf' | 'png';

export async function fetchGates(): Promise<GateItem[]> {
  return (await api.listGates()).items;
}

export function fetchGateHistory(gateId: string): Promise<GateCodeHistory> {
  return api.gateCodeHistory({ params: { gateId } });
}

export function issueGateCode(gateId: string): Promise<{ version: number; gateId: string }> {
  return api.issueGateCode({ params: { gateId } });
}

export const posterPath = (gateId: string, format: PosterFormat): string =>
  `/api/v1/gates/${gateId}/poster.${format}`;

/** The file name the poster is saved under when the answer names none. */
export function posterFileName(gate: GateItem, format: PosterFormat): string {
  return `打卡码-${gate.enterpriseName}-${gate.gateName}-v${gate.activeVersion ?? 0}.${format}`;
}

/** The gates whose firm, gate name, district or USCC contains the words typed (all when none). */
export function filterGates(gates: readonly GateItem[], query: string): GateItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...gates];
  return gates.filter((gate) => {
    const text =
      `${gate.enterpriseName} ${gate.gateName} ${gate.district} ${gate.uscc}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** “第 3 版 · 2026-12-01 15:40 由 系统管理员 生成”, or that there is no code yet. */
export function activeCodeText(gate: GateItem): string {
  if (gate.activeVersion === null) return '尚未生成打卡码';
  const when = gate.activeIssuedAt ? ` · ${chinaTime(gate.activeIssuedAt)}` : '';
  const who = gate.activeIssuedByName ? ` 由${gate.activeIssuedByName}生成` : '';
  return `第 ${gate.activeVersion} 版${when}${who}`;
}

/** One line of the version record, e.g. “第 1 版 · 2026-12-01 15:40 由系统管理员生成 · 已于 … 作废”. */
export function versionText(item: GateCodeVersion): {
  title: string;
  detail: string;
  active: boolean;
} {
  const who = item.issuedBy ? `由${item.issuedBy.name}生成` : '由系统生成';
  return {
    title: `第 ${item.version} 版`,
    detail: `${chinaTime(item.issuedAt)} ${who}`,
    active: item.revokedAt === null,
  };
}

export function revokedText(item: GateCodeVersion): string {
  return item.revokedAt ? `${chinaTime(item.revokedAt)} 作废` : '使用中';
}

/** What the confirmation says before a new code is issued. */
export function issueWarning(gate: GateItem): { title: string; content: string; confirm: string } {
  if (gate.activeVersion === null) {
    return {
      title: '生成打卡码',
      content: `为“${gate.enterpriseName} · ${gate.gateName}”生成第 1 版打卡码。生成后请下载海报，打印后张贴在门口。`,
      confirm: '生成',
    };
  }
  return {
    title: '重新生成打卡码',
    content:
      `重新生成后，“${gate.enterpriseName} · ${gate.gateName}”现用的第 ${gate.activeVersion} 版立即作废：` +
      '已打印张贴的海报将不能再扫码打卡。请随后下载新海报，打印后替换门口的旧海报。',
    confirm: '作废旧码并重新生成',
  };
}

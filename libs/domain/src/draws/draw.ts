import nacl from 'tweetnacl';
import { canonicalJson } from '../canonical-json';
import type { CreditGrade } from '../enterprise';
import { encodeUtf8 } from '../utf8';

/**
 * 双随机、一公开: the draw of firms (weighted by credit) and of officers for each drawn firm, as a
 * pure function of published inputs, so that anyone can re-run it and get the same tasks.
 *
 * Firms: Poisson sampling. Each firm i is drawn when u_i < p_i, where u_i is a uniform number in
 * [0, 1) read from SHA-512(seed, "firm", id) and p_i = min(1, baseRatio × weight of its grade ×
 * (positive-list weight if on the list)). So each firm's chance is exactly its intended rate, and
 * the realised rate per grade can be compared with it.
 *
 * Officers: the drawn firms in order of u_i; for each, `officersPerTask` officers of the firm's
 * unit who are not recused (liaison, declared conflict, recent inspection), the least loaded first,
 * ties broken by SHA-512(seed, "officer", firm, officer). A firm without enough eligible officers
 * gets a task with the officers there are, marked short.
 */

export const DRAW_STATUSES = ['COMMITTED', 'REVEALED'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];

export interface DrawWeights {
  /** the share of the pool drawn at weight 1 (一般 firms), e.g. 0.05 */
  baseRatio: number;
  /** multiplier per credit grade: lower for 诚信/良好, 1 for 警示, higher for 严重失信 */
  creditGrade: Record<CreditGrade, number>;
  /** multiplier for a firm on the 正面清单 (rarely inspected) */
  positiveList: number;
}

/** Defaults that follow the seeds (000, 001, 004): fewer checks for good credit, more for bad. */
export const DEFAULT_DRAW_WEIGHTS: DrawWeights = {
  baseRatio: 0.1,
  creditGrade: {
    TRUSTWORTHY: 0.5,
    GOOD: 0.7,
    WARNING: 1,
    SERIOUSLY_DISHONEST: 2,
    UNRATED: 1,
  },
  positiveList: 0.2,
};

/** A firm as the pool snapshot records it. */
export interface PoolFirm {
  id: string;
  name: string;
  uscc: string;
  unitId: string;
  district: string;
  industry: string;
  creditGrade: CreditGrade;
  supervisionClass: string;
  onPositiveList: boolean;
}

export interface PoolOfficer {
  id: string;
  unitId: string;
}

/** Everything the draw depends on besides the seed; its hash is published before the seed. */
export interface DrawInputs {
  pool: PoolFirm[];
  officers: PoolOfficer[];
  /** per firm id, the officers who must not inspect it (回避), with the reason */
  recusals: Record<string, { officerId: string; reason: RecusalReason }[]>;
  weights: DrawWeights;
  officersPerTask: number;
}

export const RECUSAL_REASONS = ['LIAISON', 'CONFLICT', 'RECENT_INSPECTION'] as const;
export type RecusalReason = (typeof RECUSAL_REASONS)[number];

export const RECUSAL_REASON_LABELS: Record<RecusalReason, string> = {
  LIAISON: '该企业的生态环境服务联络员',
  CONFLICT: '申报的利益冲突',
  RECENT_INSPECTION: '近期检查过该企业',
};

export interface DrawnTask {
  /** 1-based, in draw order */
  number: number;
  enterpriseId: string;
  officerIds: string[];
  /** fewer eligible officers than officersPerTask */
  short: boolean;
}

/** The chance a firm is drawn. */
export function drawProbability(firm: PoolFirm, weights: DrawWeights): number {
  const grade = weights.creditGrade[firm.creditGrade] ?? 1;
  const list = firm.onPositiveList ? weights.positiveList : 1;
  return Math.min(1, Math.max(0, weights.baseRatio * grade * list));
}

/** The tasks of a draw: deterministic in (inputs, seed). */
export function runDraw(inputs: DrawInputs, seed: string): DrawnTask[] {
  const drawn = inputs.pool
    .map((firm) => ({ firm, u: unitInterval(seed, 'firm', firm.id) }))
    .filter(({ firm, u }) => u < drawProbability(firm, inputs.weights))
    .sort((a, b) => a.u - b.u || compare(a.firm.id, b.firm.id));

  const load = new Map<string, number>(inputs.officers.map((o) => [o.id, 0]));
  return drawn.map(({ firm }, index) => {
    const recused = new Set((inputs.recusals[firm.id] ?? []).map((r) => r.officerId));
    const eligible = inputs.officers
      .filter((o) => o.unitId === firm.unitId && !recused.has(o.id))
      .map((o) => ({
        id: o.id,
        load: load.get(o.id) ?? 0,
        tie: hashHex(seed, 'officer', firm.id, o.id),
      }))
      .sort((a, b) => a.load - b.load || compare(a.tie, b.tie));
    const officerIds = eligible.slice(0, inputs.officersPerTask).map((o) => o.id);
    for (const id of officerIds) load.set(id, (load.get(id) ?? 0) + 1);
    return {
      number: index + 1,
      enterpriseId: firm.id,
      officerIds,
      short: officerIds.length < inputs.officersPerTask,
    };
  });
}

/** SHA-512 hex of the canonical JSON of the inputs: published before the seed is revealed. */
export function drawInputsHash(inputs: DrawInputs): string {
  return toHex(nacl.hash(encodeUtf8(canonicalJson(inputs))));
}

/** The commitment to a seed (SHA-512 hex of it): published first, checked when it is revealed. */
export function seedCommitment(seed: string): string {
  return toHex(nacl.hash(encodeUtf8(seed)));
}

/** A uniform number in [0, 1) from SHA-512 of the parts (the first 48 bits). */
function unitInterval(...parts: string[]): number {
  const digest = nacl.hash(encodeUtf8(parts.join('\n')));
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + digest[i];
  return value / 2 ** 48;
}

function hashHex(...parts: string[]): string {
  return toHex(nacl.hash(encodeUtf8(parts.join('\n'))));
}

function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

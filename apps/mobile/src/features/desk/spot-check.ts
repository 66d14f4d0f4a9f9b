import { OVERSIGHT_NOTE_MAX, type SpotCheckRequest } from '@qinqing/domain';

const CHINA_OFFSET_MS = 8 * 3600_000;

export const DEFAULT_SAMPLE_SIZE = 10;
/** More calls than a supervisor can make in a month is not a sample any more. */
export const MAX_SAMPLE_SIZE = 200;

/** The current month in China, 'YYYY-MM'. */
export function currentMonth(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** The draw's request, or what is wrong with the form (a month that has begun; 1–200 ratings). */
export function drawRequest(
  month: string,
  sampleSizeText: string,
  now: Date,
): { ok: true; body: SpotCheckRequest } | { ok: false; error: string } {
  const m = month.trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) {
    return { ok: false, error: '月份格式应为 YYYY-MM，例如 2026-05。' };
  }
  if (m > currentMonth(now)) return { ok: false, error: '只能抽查已经开始的月份。' };
  const size = Number(sampleSizeText.trim());
  if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE_SIZE) {
    return { ok: false, error: `抽查数量应为 1 到 ${MAX_SAMPLE_SIZE} 之间的整数。` };
  }
  return { ok: true, body: { month: m, sampleSize: size } };
}

export function spotNoteError(note: string): string | undefined {
  return note.trim().length > OVERSIGHT_NOTE_MAX
    ? `备注不能超过 ${OVERSIGHT_NOTE_MAX} 字。`
    : undefined;
}

/** How anyone can check the draw, in words for the supervisor's screen. */
export const REDRAW_EXPLANATION =
  '抽取方法公开可复核：对抽样池中的每条评价编号，计算 SHA-512(种子 + 换行符 + 评价编号)，' +
  '按结果从小到大排序，取前 N 条即为样本。只要公布种子和抽样池，任何人都能重新抽取并核对结果，' +
  '抽查人无法挑选样本。';

/** '2026-05' → '2026年5月' */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return year && m ? `${year}年${Number(m)}月` : month;
}

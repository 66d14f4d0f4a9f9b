import {
  MISCONDUCT_CATEGORIES,
  MISCONDUCT_CATEGORY_LABELS,
  NINE_PROHIBITIONS,
  REPORT_DESCRIPTION_MAX,
  REPORT_PHOTOS_MAX,
  REPORT_PHOTO_MAX_BYTES,
  SIX_PROHIBITIONS,
  type ReportRequest,
} from '@qinqing/domain';

import { ApiError, NetworkError } from '../../services/api';
import { dataUrlBytes } from '../rating/data-url';

/** What the firm has filled in on the 监督举报 form so far. */
export interface ReportDraft {
  enterpriseId: string | null;
  visitId: string | null;
  officerId: string | null;
  categories: string[];
  description: string;
  /** JPEG or PNG data URLs */
  photos: string[];
}

export function emptyReportDraft(enterpriseId: string | null = null): ReportDraft {
  return {
    enterpriseId,
    visitId: null,
    officerId: null,
    categories: [],
    description: '',
    photos: [],
  };
}

/** The categories as the form groups them: 六不准, 九不得, then 其他. */
export interface CategoryGroup {
  title: string;
  codes: { code: string; label: string }[];
}

/** The label without its "六不准：" / "九不得：" prefix (the group title says it). */
function shortLabel(code: string): string {
  return MISCONDUCT_CATEGORY_LABELS[code].replace(/^(六不准|九不得)：/, '');
}

export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  {
    title: '违反“六不准”',
    codes: SIX_PROHIBITIONS.map((_, i) => `SIX_${i + 1}`).map((code) => ({
      code,
      label: shortLabel(code),
    })),
  },
  {
    title: '违反“九不得”',
    codes: NINE_PROHIBITIONS.map((_, i) => `NINE_${i + 1}`).map((code) => ({
      code,
      label: shortLabel(code),
    })),
  },
  { title: '其他', codes: [{ code: 'OTHER', label: MISCONDUCT_CATEGORY_LABELS.OTHER }] },
];

/** Toggles a category, keeping the order of MISCONDUCT_CATEGORIES. */
export function toggleCategory(chosen: readonly string[], code: string): string[] {
  const next = new Set(chosen);
  if (next.has(code)) next.delete(code);
  else next.add(code);
  return (MISCONDUCT_CATEGORIES as readonly string[]).filter((c) => next.has(c));
}

/** Characters as the server counts them (code points). */
export function textLength(text: string): number {
  return Array.from(text).length;
}

/** Shortest description that says what happened. */
export const REPORT_DESCRIPTION_MIN = 5;

/** What keeps the report from being sent, in words for the firm (empty: it can be sent). */
export function reportProblems(draft: ReportDraft): string[] {
  const problems: string[] = [];
  if (!draft.enterpriseId) problems.push('请选择举报的企业。');
  if (draft.officerId && !draft.visitId) problems.push('请先选择该执法人员参与的那次检查。');
  if (draft.categories.length === 0) problems.push('请至少勾选一项违规情形。');
  const length = textLength(draft.description.trim());
  if (length < REPORT_DESCRIPTION_MIN) {
    problems.push(`请描述具体情况（时间、地点、经过），至少${REPORT_DESCRIPTION_MIN}个字。`);
  } else if (length > REPORT_DESCRIPTION_MAX) {
    problems.push(`情况描述最多${REPORT_DESCRIPTION_MAX}字，请删减后再提交。`);
  }
  if (draft.photos.length > REPORT_PHOTOS_MAX) {
    problems.push(`最多上传${REPORT_PHOTOS_MAX}张照片，请删除多余的照片。`);
  }
  return problems;
}

/** The POST body of a valid draft; throws if it is not (check reportProblems first). */
export function buildReportRequest(draft: ReportDraft): ReportRequest {
  if (reportProblems(draft).length > 0) throw new Error('report draft is invalid');
  return {
    enterpriseId: draft.enterpriseId as string,
    visitId: draft.visitId,
    officerId: draft.visitId ? draft.officerId : null,
    categories: [...draft.categories],
    description: draft.description.trim(),
    ...(draft.photos.length > 0 ? { photos: [...draft.photos] } : {}),
  };
}

/** How many more photos may be added. */
export function photosLeft(draft: ReportDraft): number {
  return Math.max(0, REPORT_PHOTOS_MAX - draft.photos.length);
}

/** `1.5 MB`-style size for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why a photo cannot be attached, or null: it must be a JPEG or PNG of at most the limit. */
export function photoProblem(dataUrl: string): string | null {
  if (!/^data:image\/(jpeg|jpg|png);base64,/.test(dataUrl)) {
    return '只能上传 JPG 或 PNG 格式的照片。';
  }
  const bytes = dataUrlBytes(dataUrl);
  if (bytes > REPORT_PHOTO_MAX_BYTES) {
    return `照片压缩后仍有${formatBytes(bytes)}，超过${formatBytes(REPORT_PHOTO_MAX_BYTES)}的上限：请截取关键部分或换一张较小的照片。`;
  }
  return null;
}

/** A failed submit in words, with what to do next. Nothing was sent when this shows. */
export function reportFailureMessage(error: unknown): string {
  if (error instanceof NetworkError) {
    return '网络不可用，举报尚未提交：请到信号较好的地方再点“提交举报”，已填写的内容不会丢失。';
  }
  if (error instanceof ApiError) {
    if (error.statusCode === 401) return '登录已失效，请重新登录后再提交。';
    if (error.statusCode === 413) return '照片过大，请删除部分照片后再提交。';
    return `${error.message} 请修改后再提交，或拨打67189801反映。`;
  }
  return '提交失败，请稍后再点“提交举报”，或拨打67189801反映。';
}

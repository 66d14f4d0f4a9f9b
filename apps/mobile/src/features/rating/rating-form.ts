import {
  RATING_COMMENT_MAX,
  RATING_ITEMS,
  RATING_LEVEL_LABELS,
  RATING_OVERALL_LABEL,
  SIGNATURE_DATA_URL_PREFIX,
  SIGNATURE_MAX_BYTES,
  ratingNeedsFollowUp,
  type RatingLevel,
  type RatingRequest,
} from '@qinqing/domain';

import { ApiError, NetworkError } from '../../services/api';
import { dataUrlBytes } from './data-url';

/** What the firm has filled in on the card so far. */
export interface RatingDraft {
  overall: RatingLevel | null;
  /** one per RATING_ITEMS, in the card's order */
  items: (RatingLevel | null)[];
  comment: string;
  /** whether the pad holds enough ink to count as a signature */
  signed: boolean;
}

export function emptyRatingDraft(): RatingDraft {
  return { overall: null, items: RATING_ITEMS.map(() => null), comment: '', signed: false };
}

/** The marks not chosen yet, by their labels on the card (总体评价 first, then items 1–5). */
export function missingMarks(draft: RatingDraft): string[] {
  const missing: string[] = [];
  if (!draft.overall) missing.push(RATING_OVERALL_LABEL);
  RATING_ITEMS.forEach((_, i) => {
    if (!draft.items[i]) missing.push(`第${i + 1}项`);
  });
  return missing;
}

/** Characters of the comment as the server counts them (code points). */
export function commentLength(comment: string): number {
  return Array.from(comment).length;
}

/**
 * Why the card cannot be submitted yet, in words for the firm; null when it can. Shown next to the
 * disabled submit button.
 */
export function ratingBlocker(draft: RatingDraft): string | null {
  const missing = missingMarks(draft);
  if (missing.length === RATING_ITEMS.length + 1)
    return '请先选择总体评价和五项评价（好 / 中 / 差）。';
  if (missing.length > 0) return `还有未评价的项目：${missing.join('、')}。`;
  if (commentLength(draft.comment) > RATING_COMMENT_MAX) {
    return `意见或建议最多${RATING_COMMENT_MAX}字，请删减后再提交。`;
  }
  if (!draft.signed) return '请在“企业签字”区内手写签名。';
  return null;
}

/** Why an exported signature cannot be sent, or null. */
export function signatureProblem(dataUrl: string | null): string | null {
  if (!dataUrl || !dataUrl.startsWith(SIGNATURE_DATA_URL_PREFIX)) {
    return '签名读取失败，请点“清除”后重新签字。';
  }
  if (dataUrlBytes(dataUrl) > SIGNATURE_MAX_BYTES) {
    return '签名图片过大，请点“清除”后重新签字（笔画简洁即可）。';
  }
  return null;
}

/** The POST body of a complete card; throws if the card is incomplete (check ratingBlocker first). */
export function buildRatingRequest(draft: RatingDraft, signature: string): RatingRequest {
  if (ratingBlocker(draft)) throw new Error('rating draft is incomplete');
  const comment = draft.comment.trim();
  return {
    overall: draft.overall as RatingLevel,
    items: draft.items.map((level) => level as RatingLevel),
    ...(comment ? { comment } : {}),
    signature,
  };
}

/** Whether the submitted card will be followed up by the supervision office (a 差 anywhere). */
export function draftNeedsFollowUp(draft: RatingDraft): boolean {
  if (!draft.overall) return false;
  return ratingNeedsFollowUp({
    overall: draft.overall,
    items: draft.items.filter((l): l is RatingLevel => l !== null),
  });
}

/** 好 / 中 / 差 of a level. */
export function levelLabel(level: RatingLevel): string {
  return RATING_LEVEL_LABELS[level];
}

/** How the rate page reacts to a failed submit. */
export type RatingFailure = { kind: 'ALREADY_RATED' } | { kind: 'MESSAGE'; message: string };

/**
 * A failed submit in words: RATING_EXISTS shows the card as rated; every other API error shows the
 * server's Chinese message; no network says what to do.
 */
export function ratingFailure(error: unknown): RatingFailure {
  if (error instanceof ApiError) {
    if (error.code === 'RATING_EXISTS') return { kind: 'ALREADY_RATED' };
    if (error.statusCode === 401)
      return { kind: 'MESSAGE', message: '登录已失效，请重新登录后再提交。' };
    return { kind: 'MESSAGE', message: error.message };
  }
  if (error instanceof NetworkError) {
    return {
      kind: 'MESSAGE',
      message: '网络不可用，评价尚未提交：请到信号较好的地方再点“提交评价”，已填写的内容不会丢失。',
    };
  }
  return { kind: 'MESSAGE', message: '提交失败，请稍后再点“提交评价”。' };
}

import { RATING_COMMENT_MAX, SIGNATURE_MAX_BYTES } from '@qinqing/domain';

import { ApiError, NetworkError } from '../../services/api';
import {
  buildRatingRequest,
  draftNeedsFollowUp,
  emptyRatingDraft,
  missingMarks,
  ratingBlocker,
  ratingFailure,
  signatureProblem,
  type RatingDraft,
} from './rating-form';

const SIGNATURE = `data:image/png;base64,${Buffer.from('png').toString('base64')}`;

function complete(patch: Partial<RatingDraft> = {}): RatingDraft {
  return {
    overall: 'GOOD',
    items: ['GOOD', 'GOOD', 'FAIR', 'GOOD', 'GOOD'],
    comment: '',
    signed: true,
    ...patch,
  };
}

describe('missingMarks and ratingBlocker', () => {
  it('lists every mark of an empty card and asks for all of them', () => {
    const draft = emptyRatingDraft();
    expect(missingMarks(draft)).toEqual(['总体评价', '第1项', '第2项', '第3项', '第4项', '第5项']);
    expect(ratingBlocker(draft)).toBe('请先选择总体评价和五项评价（好 / 中 / 差）。');
  });

  it('names the marks still missing', () => {
    const draft = complete({ overall: null, items: ['GOOD', null, 'GOOD', 'GOOD', null] });
    expect(missingMarks(draft)).toEqual(['总体评价', '第2项', '第5项']);
    expect(ratingBlocker(draft)).toBe('还有未评价的项目：总体评价、第2项、第5项。');
  });

  it('asks for a signature once all six marks are chosen', () => {
    expect(ratingBlocker(complete({ signed: false }))).toBe('请在“企业签字”区内手写签名。');
  });

  it('refuses a comment over the limit', () => {
    const comment = '意'.repeat(RATING_COMMENT_MAX + 1);
    expect(ratingBlocker(complete({ comment }))).toContain(`最多${RATING_COMMENT_MAX}字`);
    expect(ratingBlocker(complete({ comment: '意'.repeat(RATING_COMMENT_MAX) }))).toBeNull();
  });

  it('lets a complete, signed card through', () => {
    expect(ratingBlocker(complete())).toBeNull();
  });
});

describe('buildRatingRequest', () => {
  it('carries the marks in the card order, the trimmed comment and the signature', () => {
    expect(buildRatingRequest(complete({ comment: '  服务周到 ' }), SIGNATURE)).toEqual({
      overall: 'GOOD',
      items: ['GOOD', 'GOOD', 'FAIR', 'GOOD', 'GOOD'],
      comment: '服务周到',
      signature: SIGNATURE,
    });
  });

  it('leaves an empty comment out', () => {
    expect(buildRatingRequest(complete({ comment: '   ' }), SIGNATURE)).not.toHaveProperty(
      'comment',
    );
  });

  it('refuses an incomplete card', () => {
    expect(() => buildRatingRequest(complete({ signed: false }), SIGNATURE)).toThrow();
  });
});

describe('signatureProblem', () => {
  it('accepts a PNG data URL', () => {
    expect(signatureProblem(SIGNATURE)).toBeNull();
  });

  it('asks to sign again when the pad could not be read', () => {
    expect(signatureProblem(null)).toContain('重新签字');
    expect(signatureProblem('data:image/jpeg;base64,AAAA')).toContain('重新签字');
  });

  it('refuses a signature over the size limit', () => {
    const big = `data:image/png;base64,${'A'.repeat(Math.ceil((SIGNATURE_MAX_BYTES + 10) / 3) * 4)}`;
    expect(signatureProblem(big)).toContain('过大');
  });
});

describe('draftNeedsFollowUp', () => {
  it('is true with a 差 anywhere', () => {
    expect(draftNeedsFollowUp(complete({ overall: 'POOR' }))).toBe(true);
    expect(draftNeedsFollowUp(complete({ items: ['GOOD', 'GOOD', 'GOOD', 'POOR', 'GOOD'] }))).toBe(
      true,
    );
  });

  it('is false without a 差', () => {
    expect(draftNeedsFollowUp(complete())).toBe(false);
  });
});

describe('ratingFailure', () => {
  it('turns RATING_EXISTS into the 已评价 state', () => {
    const e = new ApiError(409, 'RATING_EXISTS', '该次检查已经评价过', {});
    expect(ratingFailure(e)).toEqual({ kind: 'ALREADY_RATED' });
  });

  it("shows the server's message for other refusals", () => {
    const e = new ApiError(409, 'RATING_WINDOW_CLOSED', '已超过评价期限，不能再评价。', {});
    expect(ratingFailure(e)).toEqual({ kind: 'MESSAGE', message: '已超过评价期限，不能再评价。' });
  });

  it('says what to do without a network', () => {
    const failure = ratingFailure(new NetworkError());
    expect(failure.kind).toBe('MESSAGE');
    expect(failure.kind === 'MESSAGE' && failure.message).toContain('再点“提交评价”');
  });
});

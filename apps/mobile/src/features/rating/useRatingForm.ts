import type { RatingLevel, RatingView } from '@qinqing/domain';
import { useCallback, useRef, useState } from 'react';

import { api } from '../../services/api';
import {
  buildRatingRequest,
  commentLength,
  draftNeedsFollowUp,
  emptyRatingDraft,
  ratingBlocker,
  ratingFailure,
  signatureProblem,
  type RatingDraft,
} from './rating-form';
import type { SignaturePadHandle } from './signature-pad-types';
import { isSignatureEmpty } from './signature-stroke';

/**
 * The 好差评 card being filled in: the marks, the comment, whether the pad holds a signature, the
 * confirmation step (评价提交后不能修改) and the submit.
 */
export function useRatingForm(
  visitId: string,
  onRated: (rating: RatingView, needsFollowUp: boolean) => void,
  onAlreadyRated: () => void,
) {
  const [draft, setDraft] = useState<RatingDraft>(emptyRatingDraft);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const pad = useRef<SignaturePadHandle>(null);

  const blocker = ratingBlocker(draft);

  const setOverall = (overall: RatingLevel) => setDraft((d) => ({ ...d, overall }));
  const setItem = (index: number, level: RatingLevel) =>
    setDraft((d) => ({ ...d, items: d.items.map((l, i) => (i === index ? level : l)) }));
  const setComment = (comment: string) => setDraft((d) => ({ ...d, comment }));
  const onInkChange = useCallback(
    (ink: number) =>
      setDraft((d) => {
        const signed = !isSignatureEmpty(ink);
        return d.signed === signed ? d : { ...d, signed };
      }),
    [],
  );

  const askToConfirm = () => {
    if (blocker || busy) return;
    setError('');
    setConfirming(true);
  };

  const submit = async () => {
    if (blocker || busy) return;
    setBusy(true);
    setError('');
    try {
      const signature = (await pad.current?.toDataUrl()) ?? null;
      const problem = signatureProblem(signature);
      if (problem) {
        setError(problem);
        setConfirming(false);
        return;
      }
      const rating = await api.rateVisit({
        params: { id: visitId },
        body: buildRatingRequest(draft, signature as string),
      });
      onRated(rating, draftNeedsFollowUp(draft));
    } catch (e) {
      const failure = ratingFailure(e);
      if (failure.kind === 'ALREADY_RATED') {
        onAlreadyRated();
        return;
      }
      setError(failure.message);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return {
    draft,
    blocker,
    commentCount: commentLength(draft.comment),
    confirming,
    busy,
    error,
    pad,
    setOverall,
    setItem,
    setComment,
    onInkChange,
    askToConfirm,
    cancelConfirm: () => setConfirming(false),
    submit: () => void submit(),
  };
}

import {
  RATING_COMMENT_LABEL,
  RATING_COMMENT_MAX,
  RATING_ITEMS,
  RATING_OVERALL_LABEL,
  RATING_SIGNATURE_LABEL,
  type RatingLevel,
  type RatingView,
} from '@qinqing/domain';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { useCallback, useRef, useState } from 'react';

import { api } from '../../services/api';
import { LevelChoice } from './LevelChoice';
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
import { SignaturePad } from './SignaturePad';
import type { SignaturePadHandle } from './signature-pad-types';
import { isSignatureEmpty } from './signature-stroke';

import './rating.css';

export interface RatingCardFormProps {
  visitId: string;
  /** the card was accepted */
  onRated(rating: RatingView, needsFollowUp: boolean): void;
  /** the server says this visit was already rated */
  onAlreadyRated(): void;
}

/**
 * The front of the 好差评 card: 总体评价 and the five items (好 / 中 / 差), 意见或建议 and the
 * 企业签字. Submit stays disabled, with the reason shown, until all six marks are chosen and the
 * pad holds a signature; then a confirmation (评价提交后不能修改) before it is sent.
 */
export function RatingCardForm({ visitId, onRated, onAlreadyRated }: RatingCardFormProps) {
  const [draft, setDraft] = useState<RatingDraft>(emptyRatingDraft);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const pad = useRef<SignaturePadHandle>(null);

  const blocker = ratingBlocker(draft);
  const count = commentLength(draft.comment);

  const setOverall = (overall: RatingLevel) => setDraft((d) => ({ ...d, overall }));
  const setItem = (index: number, level: RatingLevel) =>
    setDraft((d) => ({ ...d, items: d.items.map((l, i) => (i === index ? level : l)) }));
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
      const rating = await api.rate(visitId, buildRatingRequest(draft, signature as string));
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

  return (
    <View className="rform">
      <View className="rform__block">
        <Text className="rform__label rform__label--overall">{RATING_OVERALL_LABEL}</Text>
        <LevelChoice
          value={draft.overall}
          onChange={setOverall}
          testIdPrefix="rating-overall"
          disabled={busy}
        />
      </View>

      {RATING_ITEMS.map((item, i) => (
        <View className="rform__block" key={item}>
          <Text className="rform__label">
            {i + 1}. {item}
          </Text>
          <LevelChoice
            value={draft.items[i]}
            onChange={(level) => setItem(i, level)}
            testIdPrefix={`rating-item-${i}`}
            disabled={busy}
          />
        </View>
      ))}

      <View className="rform__block">
        <Text className="rform__label">{RATING_COMMENT_LABEL}（选填）</Text>
        <Textarea
          className="rform__comment"
          data-testid="rating-comment"
          value={draft.comment}
          maxlength={RATING_COMMENT_MAX}
          placeholder="对本次执法检查的意见或建议"
          disabled={busy}
          onInput={(e) => {
            const comment = e.detail.value;
            setDraft((d) => ({ ...d, comment }));
          }}
        />
        <Text
          className={`rform__counter ${count > RATING_COMMENT_MAX ? 'rform__counter--over' : ''}`}
          data-testid="rating-comment-count"
        >
          {count} / {RATING_COMMENT_MAX}
        </Text>
      </View>

      <View className="rform__block">
        <Text className="rform__label">{RATING_SIGNATURE_LABEL}</Text>
        <SignaturePad ref={pad} onInkChange={onInkChange} disabled={busy} />
      </View>

      {error && (
        <Text className="rform__error" data-testid="rating-error">
          {error}
        </Text>
      )}

      {confirming ? (
        <View className="rform__confirm" data-testid="rating-confirm-panel">
          <Text className="rform__confirm-text">评价提交后不能修改，确认提交吗？</Text>
          <Button
            className="rform__submit"
            data-testid="rating-confirm"
            loading={busy}
            disabled={busy}
            onClick={() => void submit()}
          >
            {busy ? '正在提交…' : '确认提交'}
          </Button>
          <Button
            className="rform__back"
            data-testid="rating-confirm-cancel"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            返回修改
          </Button>
        </View>
      ) : (
        <View className="rform__actions">
          {blocker && (
            <Text className="rform__blocker" data-testid="rating-blocker">
              {blocker}
            </Text>
          )}
          <Button
            className="rform__submit"
            data-testid="rating-submit"
            disabled={Boolean(blocker) || busy}
            onClick={askToConfirm}
          >
            提交评价
          </Button>
        </View>
      )}
    </View>
  );
}

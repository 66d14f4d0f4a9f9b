import {
  RATING_COMMENT_LABEL,
  RATING_COMMENT_MAX,
  RATING_ITEMS,
  RATING_OVERALL_LABEL,
  RATING_SIGNATURE_LABEL,
  type RatingView,
} from '@qinqing/domain';
import { TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

import { Button } from '../../shared/ui/Button';
import { LevelChoice } from './LevelChoice';
import { SignaturePad } from './SignaturePad';
import { useRatingForm } from './useRatingForm';

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
  const form = useRatingForm(visitId, onRated, onAlreadyRated);
  const { draft, busy } = form;

  return (
    <View className="rform">
      <View className="rform__block">
        <Text className="rform__label rform__label--overall" id="rating-overall-label">
          {RATING_OVERALL_LABEL}
        </Text>
        <LevelChoice
          value={draft.overall}
          onChange={form.setOverall}
          testIdPrefix="rating-overall"
          labelledBy="rating-overall-label"
          disabled={busy}
        />
      </View>

      {RATING_ITEMS.map((item, i) => (
        <View className="rform__block" key={item}>
          <Text className="rform__label" id={`rating-item-${i}-label`}>
            {i + 1}. {item}
          </Text>
          <LevelChoice
            value={draft.items[i]}
            onChange={(level) => form.setItem(i, level)}
            testIdPrefix={`rating-item-${i}`}
            labelledBy={`rating-item-${i}-label`}
            disabled={busy}
          />
        </View>
      ))}

      <View className="rform__block">
        <Text className="rform__label" id="rating-comment-label">
          {RATING_COMMENT_LABEL}（选填）
        </Text>
        <TextArea
          className="rform__comment"
          data-testid="rating-comment"
          aria-labelledby="rating-comment-label"
          value={draft.comment}
          maxLength={RATING_COMMENT_MAX}
          placeholder="对本次执法检查的意见或建议"
          disabled={busy}
          onChange={form.setComment}
        />
        <Text
          className={`rform__counter ${form.commentCount > RATING_COMMENT_MAX ? 'rform__counter--over' : ''}`}
          data-testid="rating-comment-count"
        >
          {form.commentCount} / {RATING_COMMENT_MAX}
        </Text>
      </View>

      <View className="rform__block">
        <Text className="rform__label">{RATING_SIGNATURE_LABEL}</Text>
        <SignaturePad ref={form.pad} onInkChange={form.onInkChange} disabled={busy} />
      </View>

      {form.error && (
        <View className="rform__error" data-testid="rating-error" role="alert">
          {form.error}
        </View>
      )}

      {form.confirming ? (
        <View
          className="rform__confirm"
          data-testid="rating-confirm-panel"
          role="alertdialog"
          aria-labelledby="rating-confirm-text"
        >
          <Text className="rform__confirm-text" id="rating-confirm-text">
            评价提交后不能修改，确认提交吗？
          </Text>
          <Button
            type="primary"
            block
            className="rform__submit"
            data-testid="rating-confirm"
            loading={busy}
            onClick={form.submit}
          >
            {busy ? '正在提交…' : '确认提交'}
          </Button>
          <Button
            fill="outline"
            block
            className="rform__back"
            data-testid="rating-confirm-cancel"
            disabled={busy}
            onClick={form.cancelConfirm}
          >
            返回修改
          </Button>
        </View>
      ) : (
        <View className="rform__actions">
          {form.blocker && (
            <View className="rform__blocker" data-testid="rating-blocker" role="status">
              {form.blocker}
            </View>
          )}
          <Button
            type="primary"
            block
            className="rform__submit"
            data-testid="rating-submit"
            disabled={Boolean(form.blocker) || busy}
            onClick={form.askToConfirm}
          >
            提交评价
          </Button>
        </View>
      )}
    </View>
  );
}

import {
  RATING_COMMENT_LABEL,
  RATING_ITEMS,
  RATING_LEVEL_LABELS,
  RATING_OVERALL_LABEL,
  RATING_SIGNATURE_LABEL,
  type RatingView,
} from '@qinqing/domain';
import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

import { api, ApiError } from '../../services/api';
import { errorText } from '../../shared/errors';
import { Card } from '../../shared/ui/Page';
import { chinaDateTime } from '../firm/gate';
import { Field, LinkButton } from './fields';
import { open } from './nav';

type Loaded =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'error'; text: string }
  | {
      state: 'rated';
      rating: RatingView;
    };

/** The 好差评 of one visit as supervisors see it (404: the firm has not rated yet). */
export function RatingCard({ visitId }: { visitId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let alive = true;
    setLoaded({ state: 'loading' });
    api
      .visitRating({ params: { id: visitId } })
      .then((rating) => alive && setLoaded({ state: 'rated', rating }))
      .catch((e) => {
        if (!alive) return;
        if (e instanceof ApiError && e.statusCode === 404) setLoaded({ state: 'none' });
        else setLoaded({ state: 'error', text: errorText(e) });
      });
    return () => {
      alive = false;
    };
  }, [visitId]);

  return (
    <Card title="好差评" testId="visit-rating">
      {loaded.state === 'loading' && <Text className="sv-muted">正在读取…</Text>}
      {loaded.state === 'none' && (
        <Text className="sv-muted" data-testid="visit-rating-none">
          企业尚未评价
        </Text>
      )}
      {loaded.state === 'error' && (
        <View className="sv-error" role="alert">
          {loaded.text}
        </View>
      )}
      {loaded.state === 'rated' && <RatingBody rating={loaded.rating} />}
    </Card>
  );
}

function Line({ label, value, poor }: { label: string; value: string; poor?: boolean }) {
  return (
    <Field label={label}>
      <Text className={poor ? 'sv-alarm' : undefined}>{value}</Text>
    </Field>
  );
}

function RatingBody({ rating }: { rating: RatingView }) {
  return (
    <View>
      <Line
        label={RATING_OVERALL_LABEL}
        value={RATING_LEVEL_LABELS[rating.overall]}
        poor={rating.overall === 'POOR'}
      />
      {RATING_ITEMS.map((name, i) => {
        const level = rating.items[i];
        return (
          <Line
            key={name}
            label={`${i + 1}. ${name}`}
            value={level ? RATING_LEVEL_LABELS[level] : '—'}
            poor={level === 'POOR'}
          />
        );
      })}
      <Line label={RATING_COMMENT_LABEL} value={rating.comment || '（未填写）'} />
      <Field label={RATING_SIGNATURE_LABEL}>
        <Image
          className="sv-signature"
          src={rating.signature}
          mode="widthFix"
          nativeProps={{ alt: `${rating.signer.name} 的签名` }}
          data-testid="visit-rating-signature"
        />
        <Text className="sv-muted">
          {rating.signer.name} · {chinaDateTime(rating.submittedAt)}
        </Text>
      </Field>
      {rating.followUpCaseId && (
        <Field label="回访核实">
          <LinkButton
            onClick={open(`/pages/supervisor/follow-up/index?id=${rating.followUpCaseId}`)}
          >
            查看回访核实
          </LinkButton>
        </Field>
      )}
    </View>
  );
}

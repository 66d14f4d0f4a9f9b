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

import { chinaDateTime } from '../firm/gate';
import { api, ApiError } from '../../services/api';
import { errorText } from './errors';
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
      .rating(visitId)
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
    <View className="vcard" data-testid="visit-rating">
      <Text className="vcard__title">好差评</Text>
      {loaded.state === 'loading' && <Text className="vmuted">正在读取…</Text>}
      {loaded.state === 'none' && (
        <Text className="vmuted" data-testid="visit-rating-none">
          企业尚未评价
        </Text>
      )}
      {loaded.state === 'error' && <Text className="vmuted">{loaded.text}</Text>}
      {loaded.state === 'rated' && <RatingBody rating={loaded.rating} />}
    </View>
  );
}

function Line({ label, value, poor }: { label: string; value: string; poor?: boolean }) {
  return (
    <View className="vrow">
      <Text className="vrow__label">{label}</Text>
      <View className="vrow__value">
        <Text style={poor ? { color: '#b3261e', fontWeight: 700 } : undefined}>{value}</Text>
      </View>
    </View>
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
      <View className="vrow">
        <Text className="vrow__label">{RATING_SIGNATURE_LABEL}</Text>
        <View className="vrow__value">
          <Image
            className="dk-signature"
            src={rating.signature}
            mode="widthFix"
            data-testid="visit-rating-signature"
          />
          <Text className="vmuted">
            {rating.signer.name} · {chinaDateTime(rating.submittedAt)}
          </Text>
        </View>
      </View>
      {rating.followUpCaseId && (
        <View className="vrow">
          <Text className="vrow__label">回访核实</Text>
          <View className="vrow__value">
            <Text
              className="dk-phone"
              onClick={open(`/pages/supervisor/follow-up/index?id=${rating.followUpCaseId}`)}
            >
              查看回访核实
            </Text>
          </View>
        </View>
      )}
    </View>
  );
}

import { CREDIT_GRADE_LABELS, type PublicDrawView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { RecordPending, useRecord } from '../../../features/desk/useRecord';
import { Field } from '../../../features/desk/ui';
import { Commitment } from '../../../features/draws/Commitment';
import { InputsDownload } from '../../../features/draws/InputsDownload';
import {
  DRAW_STATUS_LABELS,
  resultStatusText,
  VERIFY_STEPS,
  weightTexts,
} from '../../../features/draws/public';
import { periodText } from '../../../features/draws/tasks';
import { VerifyPanel } from '../../../features/draws/VerifyPanel';
import { api, ApiError } from '../../../services/api';

import '../../../features/desk/desk.css';
import '../../../features/draws/draws.css';

async function fetchPublicDraw(id: string): Promise<PublicDrawView> {
  try {
    return await api.publicDraw(id);
  } catch (e) {
    if (e instanceof ApiError && (e.statusCode === 404 || e.statusCode === 400)) {
      throw new Error('找不到这次抽查。');
    }
    throw e;
  }
}

/** 抽查公示详情: commitment, seed, pool, weights, results (no personal data), how to verify. */
export default function PublicDrawPage() {
  const { params } = useRouter();
  const {
    record: draw,
    error,
    load,
  } = useRecord<PublicDrawView>(true, params.id ?? '', fetchPublicDraw, '缺少抽查编号。');

  if (!draw)
    return <RecordPending error={error} testId="public-draw-error" onRetry={() => void load()} />;
  const revealed = draw.status === 'REVEALED';

  return (
    <View className="dk dk--narrow" data-testid="public-draw">
      <View className="dk__header">
        <Text className="dk__title">
          {draw.number} · {draw.name}
        </Text>
        <Text className="dk__note">
          {DRAW_STATUS_LABELS[draw.status]} · 检查期限{' '}
          {periodText(draw.periodStart, draw.periodEnd)}
        </Text>
      </View>

      <View className="dk-card">
        <Text className="dk-card__title">公开承诺</Text>
        <View className="dk-card__body">
          <Commitment
            draw={draw}
            testIds={{ commitment: 'public-commitment', seed: 'public-seed' }}
          />
          <Field label="抽查池">
            <Text>{draw.poolSize} 家企业</Text>
          </Field>
          <Field label="权重">
            {weightTexts(draw).map((text) => (
              <Text key={text}>{text}</Text>
            ))}
          </Field>
        </View>
      </View>

      <View className="dk-card" data-testid="public-results">
        <Text className="dk-card__title">
          抽查结果{revealed ? `（抽中 ${draw.results.length} 家）` : ''}
        </Text>
        <Text className="dk-card__note">不含执法人员等个人信息</Text>
        <View className="dk-card__body dr-table">
          {!revealed && <Text className="dk-empty">随机种子尚未揭示，揭示后公示抽中企业。</Text>}
          {revealed && draw.results.length === 0 && (
            <Text className="dk-empty">本次未抽中企业。</Text>
          )}
          {draw.results.map((result) => {
            const status = resultStatusText(result);
            return (
              <View
                className="dr-result"
                key={result.taskNumber}
                data-testid="public-result-row"
                data-inspected={result.inspected ? 'true' : 'false'}
              >
                <View className="dr-result__head">
                  <Text>
                    {result.taskNumber}. {result.enterpriseName}
                  </Text>
                  <Text className={result.inspected ? 'dr-check--ok' : 'dk-muted'}>
                    {status.inspected}
                  </Text>
                </View>
                <Text className="dr-result__meta">
                  统一社会信用代码 {result.uscc} · 信用等级{' '}
                  {CREDIT_GRADE_LABELS[result.creditGrade]}
                  {result.onPositiveList ? ' · 正面清单' : ''}
                </Text>
                <Text className="dr-result__meta">检查结果：{status.outcome}</Text>
              </View>
            );
          })}
        </View>
      </View>

      <View className="dk-card" data-testid="public-verify-card">
        <Text className="dk-card__title">如何复核</Text>
        <View className="dk-card__body dk-form">
          <View className="dr-steps">
            {VERIFY_STEPS.map((step, i) => (
              <Text key={step}>
                {i + 1}. {step}
              </Text>
            ))}
          </View>
          <InputsDownload drawId={draw.id} drawNumber={draw.number} />
          <VerifyPanel draw={draw} />
        </View>
      </View>
    </View>
  );
}

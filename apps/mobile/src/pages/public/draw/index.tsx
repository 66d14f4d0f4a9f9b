import { CREDIT_GRADE_LABELS, type PublicDrawView } from '@qinqing/domain';
import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

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
import { useRequest } from '../../../shared/request';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/desk.css';
import '../../../features/draws/draws.css';
import '../../../features/draws/public-pages.css';

const LIST = '/pages/public/draws/index';

async function fetchPublicDraw(id: string | undefined): Promise<PublicDrawView> {
  if (!id) throw new Error('缺少抽查编号，请从抽查结果公示列表打开。');
  try {
    return await api.getPublicDraw({ params: { id } });
  } catch (e) {
    if (e instanceof ApiError && (e.statusCode === 404 || e.statusCode === 400)) {
      throw new Error('找不到这次抽查，请回到公示列表重新选择。');
    }
    throw e;
  }
}

/** 抽查公示详情: commitment, seed, pool, weights, results (no personal data), how to verify. */
export default function PublicDrawPage() {
  const { params } = useRouter();
  const request = useRequest(() => fetchPublicDraw(params.id), [params.id]);
  const draw = request.data;
  const revealed = draw?.status === 'REVEALED';

  return (
    <Page title={draw ? draw.number : '抽查公示详情'} backTo={LIST} testId="public-draw">
      <Pending
        loading={request.loading && !draw}
        error={request.error}
        onRetry={request.reload}
        testId="public-draw-error"
      />
      {draw && (
        <>
          <Card>
            <View className="pd-title" role="heading" aria-level={2}>
              {draw.number} · {draw.name}
            </View>
            <View className="pd-row__head">
              <Tag type={revealed ? 'success' : 'warning'} plain>
                {DRAW_STATUS_LABELS[draw.status]}
              </Tag>
              <Text className="pd-row__line">
                检查期限 {periodText(draw.periodStart, draw.periodEnd)}
              </Text>
            </View>
          </Card>

          <Card title="公开承诺">
            <View className="pd-fields">
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
          </Card>

          <Card
            title={`抽查结果${revealed ? `（抽中 ${draw.results.length} 家）` : ''}`}
            testId="public-results"
          >
            <Text className="pd-row__line">不含执法人员等个人信息</Text>
            {!revealed && <EmptyText>随机种子尚未揭示，揭示后公示抽中企业。</EmptyText>}
            {revealed && draw.results.length === 0 && <EmptyText>本次未抽中企业。</EmptyText>}
            {draw.results.map((result) => {
              const status = resultStatusText(result);
              return (
                <View
                  className="pd-result"
                  key={result.taskNumber}
                  data-testid="public-result-row"
                  data-inspected={result.inspected ? 'true' : 'false'}
                >
                  <View className="pd-row__head">
                    <Text className="pd-result__name">
                      {result.taskNumber}. {result.enterpriseName}
                    </Text>
                    <Tag type={result.inspected ? 'success' : 'default'} plain>
                      {status.inspected}
                    </Tag>
                  </View>
                  <Text className="pd-row__line">统一社会信用代码 {result.uscc}</Text>
                  <Text className="pd-row__line">
                    信用等级 {CREDIT_GRADE_LABELS[result.creditGrade]}
                    {result.onPositiveList ? ' · 正面清单' : ''}
                  </Text>
                  <Text className="pd-row__line">检查结果：{status.outcome}</Text>
                </View>
              );
            })}
          </Card>

          <Card title="如何复核" testId="public-verify-card">
            <View className="pd-steps">
              {VERIFY_STEPS.map((step, i) => (
                <Text key={step}>
                  {i + 1}. {step}
                </Text>
              ))}
            </View>
            <View className="dk-form">
              <InputsDownload drawId={draw.id} drawNumber={draw.number} />
              <VerifyPanel draw={draw} />
            </View>
          </Card>
        </>
      )}
    </Page>
  );
}

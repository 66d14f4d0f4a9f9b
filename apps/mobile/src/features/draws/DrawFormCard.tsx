import {
  CREDIT_GRADE_LABELS,
  CREDIT_GRADES,
  type CreditGrade,
  type DrawRequest,
} from '@qinqing/domain';
import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { ChoiceGroup, DateField, Message } from '../desk/fields';
import { drawRequestOf, intendedRates, rateText, type DrawForm } from './draw-form';

const OFFICER_COUNTS = ['1', '2', '3', '4', '5'] as const;
const OFFICER_COUNT_LABELS = Object.fromEntries(
  OFFICER_COUNTS.map((n) => [n, `${n} 人`]),
) as Record<(typeof OFFICER_COUNTS)[number], string>;

function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  placeholder?: string;
  type?: 'text' | 'digit';
}) {
  const labelId = `${props.testId}-label`;
  return (
    <View>
      <Text className="sv-label" id={labelId}>
        {props.label}
      </Text>
      <Input
        className="sv-input"
        data-testid={props.testId}
        aria-labelledby={labelId}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        onChange={props.onChange}
      />
    </View>
  );
}

/** 'YYYY-MM-DD' a number of years after a date. */
function yearsLater(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/**
 * 新建抽查: name, period, officers per task, the weights (prefilled from the policy) and optional
 * filters; the problems are listed in Chinese before anything is sent.
 */
export function DrawFormCard(props: {
  form: DrawForm;
  onChange: (form: DrawForm) => void;
  busy: boolean;
  serverError: string;
  /** today in China, 'YYYY-MM-DD': the period's dates are offered from here */
  today: string;
  onCommit: (request: DrawRequest) => void;
}) {
  const { form } = props;
  const [problems, setProblems] = useState<string[]>([]);
  const set =
    <K extends keyof DrawForm>(key: K) =>
    (value: DrawForm[K]) =>
      props.onChange({ ...form, [key]: value });
  const setGrade = (grade: CreditGrade) => (value: string) =>
    props.onChange({ ...form, gradeWeights: { ...form.gradeWeights, [grade]: value } });

  const preview = drawRequestOf({ ...form, name: form.name || '预览' });
  const rates = preview.ok && preview.request.weights ? intendedRates(preview.request.weights) : [];

  function commit(): void {
    const result = drawRequestOf(form);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    props.onCommit(result.request);
  }

  const today = props.today;
  return (
    <Card title="新建抽查" testId="draw-form">
      <Text className="sv-muted">
        提交后即公布随机种子承诺值和输入数据摘要，抽查池和权重不能再改；揭示种子后生成任务。
      </Text>
      <TextField
        label="抽查名称"
        testId="draw-name"
        value={form.name}
        placeholder="如：2026年第四季度双随机抽查"
        onChange={set('name')}
      />
      <View className="sv-filters">
        <DateField
          label="检查期限开始"
          testId="draw-start"
          value={form.periodStart}
          start={today}
          end={yearsLater(today, 1)}
          onChange={set('periodStart')}
        />
        <DateField
          label="检查期限结束"
          testId="draw-end"
          value={form.periodEnd}
          start={form.periodStart || today}
          end={yearsLater(form.periodStart || today, 2)}
          onChange={set('periodEnd')}
        />
      </View>
      <Text className="sv-label">每项任务执法人员数</Text>
      <ChoiceGroup
        label="每项任务执法人员数"
        options={OFFICER_COUNTS}
        labels={OFFICER_COUNT_LABELS}
        value={form.officersPerTask as (typeof OFFICER_COUNTS)[number]}
        onChange={set('officersPerTask')}
        testIdPrefix="draw-officers"
      />
      <TextField
        label="基础抽查比例（%，权重为 1 的企业被抽中的概率）"
        testId="draw-base-ratio"
        type="digit"
        value={form.baseRatioPercent}
        onChange={set('baseRatioPercent')}
      />
      <Text className="sv-label">信用等级权重（0–10，越大越常被抽中）</Text>
      <View className="dr-weights">
        {CREDIT_GRADES.map((grade) => (
          <View className="dr-weight" key={grade}>
            <TextField
              label={CREDIT_GRADE_LABELS[grade]}
              testId={`draw-weight-${grade}`}
              type="digit"
              value={form.gradeWeights[grade]}
              onChange={setGrade(grade)}
            />
          </View>
        ))}
        <View className="dr-weight">
          <TextField
            label="正面清单企业"
            testId="draw-weight-positive-list"
            type="digit"
            value={form.positiveListWeight}
            onChange={set('positiveListWeight')}
          />
        </View>
      </View>
      {rates.length > 0 && (
        <Text className="sv-muted" data-testid="draw-intended">
          预计抽中概率：
          {rates
            .map((r) => `${r.label} ${rateText(r.rate)}（在正面清单 ${rateText(r.onListRate)}）`)
            .join('；')}
        </Text>
      )}
      <TextField
        label="限定区县（可选，多个用顿号分隔）"
        testId="draw-districts"
        value={form.districts}
        placeholder="不填则为本单位辖区全部企业"
        onChange={set('districts')}
      />
      <TextField
        label="限定行业（可选，多个用顿号分隔）"
        testId="draw-industries"
        value={form.industries}
        placeholder="不填则为全部行业"
        onChange={set('industries')}
      />
      {problems.length > 0 && (
        <View className="sv-error" data-testid="draw-problems" role="alert">
          {problems.map((p) => (
            <Text key={p} style={{ display: 'block' }}>
              {p}
            </Text>
          ))}
        </View>
      )}
      <Message text={props.serverError} />
      <Button
        type="primary"
        block
        className="sv-wide-button"
        data-testid="draw-commit"
        loading={props.busy}
        disabled={props.busy}
        onClick={commit}
      >
        提交并公布承诺
      </Button>
    </Card>
  );
}

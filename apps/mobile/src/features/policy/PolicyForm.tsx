import { Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { CREDIT_GRADE_LABELS, CREDIT_GRADES } from '@qinqing/domain';

import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { Choice } from './Choice';
import {
  ALL_PURPOSES,
  NUMBER_FIELDS,
  PURPOSE_FIELDS,
  purposeLabel,
  SECTIONS,
  WEIGHT_FIELDS,
  type NumberField,
} from './fields';
import type { usePolicy } from './usePolicy';

type Edit = NonNullable<ReturnType<typeof usePolicy>['edit']>;

const domId = (id: string) => `pl-${id.replace(/\W/g, '-')}`;

/** A labelled number with its unit, help and (after a save attempt) its problem in words. */
function NumberInput(props: { field: NumberField; edit: Edit }) {
  const { field, edit } = props;
  const error = edit.errors[field.id];
  const id = domId(field.id);
  return (
    <View
      className={`pl-field${error ? ' pl-field--error' : ''}`}
      data-testid={`policy-field-${field.id}`}
    >
      <Text className="pl-field__label" id={`${id}-label`}>
        {field.label}
        {field.unit ? `（${field.unit}）` : ''}
      </Text>
      <Input
        className="pl-field__input"
        type={field.min < 0 ? 'text' : 'digit'}
        value={edit.form.numbers[field.id] ?? ''}
        aria-labelledby={`${id}-label`}
        aria-describedby={error ? `${id}-error` : field.help ? `${id}-help` : undefined}
        aria-invalid={error ? true : undefined}
        data-testid={`policy-input-${field.id}`}
        onChange={(text: string) => edit.setNumber(field.id, text)}
      />
      <Text className="pl-field__range">
        可填 {field.min} 至 {field.max}
        {field.integer ? ' 的整数' : ''}
      </Text>
      {field.help && (
        <Text className="pl-field__help" id={`${id}-help`}>
          {field.help}
        </Text>
      )}
      {error && (
        <Text className="pl-field__error" id={`${id}-error`} data-testid="policy-field-error">
          {error}
        </Text>
      )}
    </View>
  );
}

function FieldError(props: { text?: string }) {
  return props.text ? (
    <Text className="pl-field__error" data-testid="policy-field-error">
      {props.text}
    </Text>
  ) : null;
}

/** 检查规则 as a form: sections of numbers, the purpose lists, 安静期, draw weights, the reason. */
export function PolicyForm(props: {
  edit: Edit;
  saving: boolean;
  saveError: string;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { edit } = props;
  const { form, errors } = edit;
  return (
    <View data-testid="policy-form">
      {SECTIONS.map((section) => (
        <Card key={section.id} title={section.title}>
          {NUMBER_FIELDS.filter((f) => f.section === section.id).map((field) => (
            <NumberInput key={field.id} field={field} edit={edit} />
          ))}
          {section.id === 'draw' &&
            WEIGHT_FIELDS.map((field) => <NumberInput key={field.id} field={field} edit={edit} />)}
        </Card>
      ))}

      <Card title="入企事由">
        {PURPOSE_FIELDS.map((field) => (
          <View
            className="pl-field"
            key={field.key}
            role="group"
            aria-labelledby={domId(field.key)}
            data-testid={`policy-field-${field.key}`}
          >
            <Text className="pl-field__label" id={domId(field.key)}>
              {field.label}
            </Text>
            <Text className="pl-field__help">{field.help}</Text>
            <View className="pl-choices">
              {ALL_PURPOSES.map((purpose) => (
                <Choice
                  key={purpose}
                  checked={form.purposes[field.key].includes(purpose)}
                  disabled={field.locked === purpose}
                  onChange={() => edit.togglePurpose(field.key, purpose)}
                >
                  {purposeLabel(purpose)}
                </Choice>
              ))}
            </View>
            <FieldError text={errors[field.key]} />
          </View>
        ))}
      </Card>

      <Card title="安静期（每月不打扰企业的日子）">
        {form.quiet.length === 0 && <Text className="pl-field__help">目前没有安静期。</Text>}
        {form.quiet.map((rule, index) => (
          <View
            className="pl-quiet"
            key={index}
            data-testid="policy-quiet"
            role="group"
            aria-label={`第 ${index + 1} 条安静期`}
          >
            <Text className="pl-quiet__title">第 {index + 1} 条</Text>
            <Text className="pl-field__label" id={domId(`quiet-${index}-label`)}>
              名称（可不填）
            </Text>
            <Input
              className="pl-field__input"
              value={rule.label}
              placeholder="例如：月末生产高峰"
              aria-labelledby={domId(`quiet-${index}-label`)}
              onChange={(text: string) => edit.setQuiet(index, { label: text })}
            />
            <Text className="pl-field__label" id={domId(`quiet-${index}-days`)}>
              每月哪几天
            </Text>
            <Input
              className="pl-field__input"
              value={rule.days}
              placeholder="例如：1、25-31"
              aria-labelledby={domId(`quiet-${index}-days`)}
              data-testid="policy-quiet-days"
              onChange={(text: string) => edit.setQuiet(index, { days: text })}
            />
            <FieldError text={errors[`quiet.${index}.days`]} />
            <Text className="pl-field__label">适用于（都不选则适用于所有企业）</Text>
            <View className="pl-choices">
              {CREDIT_GRADES.map((grade) => (
                <Choice
                  key={grade}
                  checked={rule.creditGrades.includes(grade)}
                  onChange={() => edit.toggleQuietGrade(index, grade)}
                >
                  {CREDIT_GRADE_LABELS[grade]}
                </Choice>
              ))}
              <Choice
                checked={rule.positiveListOnly}
                onChange={() => edit.setQuiet(index, { positiveListOnly: !rule.positiveListOnly })}
              >
                正面清单企业
              </Choice>
            </View>
            {rule.enterpriseIds.length > 0 && (
              <Text className="pl-field__help">
                另有指定的 {rule.enterpriseIds.length} 家企业（保持不变）。
              </Text>
            )}
            <Button
              fill="outline"
              type="danger"
              className="pl-btn"
              onClick={() => edit.removeQuiet(index)}
            >
              删除第 {index + 1} 条安静期
            </Button>
          </View>
        ))}
        <Button
          fill="outline"
          type="primary"
          className="pl-btn"
          data-testid="policy-quiet-add"
          onClick={edit.addQuiet}
        >
          添加安静期
        </Button>
      </Card>

      <Card title="修改原因">
        <Text className="pl-field__label" id="pl-note-label">
          为什么修改（随新版本保存）
        </Text>
        <TextArea
          className="pl-field__textarea"
          value={form.note}
          maxLength={500}
          showCount
          placeholder="例如：根据市局2026年12号文调整年度检查上限"
          aria-labelledby="pl-note-label"
          data-testid="policy-note"
          onChange={(text: string) => edit.setNote(text)}
        />
        <FieldError text={errors.note} />
      </Card>

      {props.saveError && (
        <View className="pl-alert pl-alert--error" role="alert" data-testid="policy-save-error">
          {props.saveError}
        </View>
      )}
      <View className="pl-actions">
        <Button className="pl-btn" data-testid="policy-cancel" onClick={props.onCancel}>
          取消
        </Button>
        <Button
          type="primary"
          className="pl-btn"
          data-testid="policy-save"
          loading={props.saving}
          onClick={props.onSave}
        >
          保存为新版本
        </Button>
      </View>
    </View>
  );
}

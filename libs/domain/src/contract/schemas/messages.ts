import type * as z from 'zod';
import type { FieldError } from '../../errors';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true / false）',
  object: '对象',
  array: '列表',
  null: 'null',
};

const FORMAT_MESSAGES: Record<string, string> = {
  guid: '应为 UUID',
  uuid: '应为 UUID',
  date: '应为日期，如 2026-12-31',
  datetime: '应为带时区的 ISO 8601 时间，如 2026-11-22T09:30:00+08:00',
};

function sized(origin: string): { unit: string; what: string } {
  if (origin === 'string') return { unit: ' 个字符', what: '长度' };
  if (origin === 'array' || origin === 'set') return { unit: ' 项', what: '数量' };
  return { unit: '', what: '' };
}

/**
 * The message of a failed check, in Chinese: what the phone shows beside the field. A schema's own
 * message (`{ error: '…' }`) wins over this one.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const { unit, what } = sized(issue.origin);
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return '不能为空';
      return `${what}不能小于 ${issue.minimum}${unit}`;
    }
    case 'too_big': {
      const { unit, what } = sized(issue.origin);
      return `${what}不能大于 ${issue.maximum}${unit}`;
    }
    case 'invalid_format':
      return FORMAT_MESSAGES[issue.format] ?? '格式不正确';
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return '不允许的字段';
    default:
      return '格式不正确';
  }
}

/**
 * zod's issues as the API reports them: `[{field: 'location.lat', message}]`. An element of a list
 * of plain values is reported on the list (`coOfficerIds`), an unknown field on itself; an issue of
 * the whole part (a body that is not an object) on the part's name.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], part: string): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (path.length > 0 && /^\d+$/.test(path[path.length - 1])) path.pop();
    const field = path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: field ? `${field}.${key}` : key,
        message: issue.message,
      }));
    }
    return [{ field: field || part, message: issue.message }];
  });
}

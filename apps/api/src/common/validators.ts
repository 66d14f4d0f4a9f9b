import { type DateTimeOptions, isCalendarDate, isIsoDateTime } from '@qinqing/domain';
import { IsOptional, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * A real calendar day, YYYY-MM-DD (2026-02-30 and 2026-13-01 are refused): the one check of every
 * date field of a request (see isCalendarDate in libs/domain).
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property ?? '日期'} 应为真实的日期，如 2026-12-31`,
      },
    },
    options,
  );
}

/**
 * An ISO 8601 date-time on a real calendar day (a bare day too, unless a zone is required): the
 * one check of every time field of a request (see isIsoDateTime in libs/domain).
 */
export function IsDateTime(
  dateTime: DateTimeOptions = {},
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateTime',
      validator: {
        validate: (value) => isIsoDateTime(value, dateTime),
        defaultMessage: (args) =>
          dateTime.requireZone
            ? `${args?.property ?? '时间'} 应为带时区的 ISO 8601 时间，如 2026-11-22T09:30:00+08:00`
            : `${args?.property ?? '时间'} 应为 ISO 8601 时间，如 2026-11-22T09:30:00+08:00`,
      },
    },
    options,
  );
}

/** A calendar month, YYYY-MM (years 0001–9999). */
export function IsCalendarMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarMonth',
      validator: {
        validate: (value) =>
          typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) && isCalendarDate(`${value}-01`),
        defaultMessage: (args) => `${args?.property ?? '月份'} 应为月份，如 2026-11`,
      },
    },
    options,
  );
}

/**
 * The field may be left out; `null` is refused. Use this for every optional field whose column
 * (or meaning) has no null: class-validator's IsOptional lets null through to the database, e.g.
 * `{"creditGrade": null}` on a PATCH.
 */
export function Optional(): PropertyDecorator {
  return (target, property) => {
    ValidateIf((_object, value) => value !== undefined)(target, property);
    ValidateBy({
      name: 'notNull',
      validator: {
        validate: (value) => value !== null,
        defaultMessage: (args) => `${args?.property ?? '字段'} 不能为 null：不填写时请省略该字段`,
      },
    })(target, property);
  };
}

/** The field may be left out or be `null` (a nullable column: null clears it). */
export function Nullable(): PropertyDecorator {
  return IsOptional();
}

import * as z from 'zod';
import { isCalendarDate, isIsoDateTime } from '../../dates';
import { ERROR_CODES } from '../../errors';
import { FIELD_LIMITS, PAGE_SIZE } from '../../limits';

/** A UUID as the API has always taken it: 8-4-4-4-12 hex digits, any version. */
export const uuid = () => z.guid().meta({ format: 'uuid' });

/**
 * An ISO 8601 time that names its zone (Z or ±hh:mm), e.g. 2026-11-22T09:30:00+08:00, on a real
 * calendar day (isIsoDateTime, the one check of times shared with the import and policy data).
 */
export const zonedDateTime = () =>
  z
    .string()
    .refine((value) => isIsoDateTime(value, { requireZone: true }), {
      error: '应为带时区的 ISO 8601 时间，如 2026-11-22T09:30:00+08:00',
    })
    .meta({ format: 'date-time' });

/** An ISO 8601 time, with or without a zone, or a bare day (filters such as `from` and `to`). */
export const isoDateTime = () =>
  z
    .string()
    .refine((value) => isIsoDateTime(value), {
      error: '应为 ISO 8601 时间，如 2026-11-22T09:30:00+08:00',
    })
    .meta({ format: 'date-time' });

/** A real calendar day, YYYY-MM-DD, years 0001–9999 (2026-02-30 and 0000-01-01 are not). */
export const isoDate = (error = '应为真实的日期，如 2026-12-31') =>
  z
    .string()
    .refine((value) => isCalendarDate(value), { error })
    .meta({ format: 'date' });

/** A calendar month, YYYY-MM, years 0001–9999. */
export const calendarMonth = (error = '应为月份，如 2026-11') =>
  z
    .string()
    .refine((value) => /^\d{4}-\d{2}$/.test(value) && isCalendarDate(`${value}-01`), { error })
    .meta({ example: '2026-11' });

/** A time the API answers: ISO 8601 in UTC as Date#toISOString writes it. */
export const timestamp = () => z.string().meta({ format: 'date-time' });

export const fieldError = z
  .object({
    field: z
      .string()
      .meta({ description: 'the field, dotted: location.lat', example: 'clientTime' }),
    message: z.string().meta({ description: 'what is wrong, in Chinese' }),
  })
  .meta({ id: 'FieldError' });

/** The body of every error: a stable code, a message in Chinese, and details by code. */
export const errorBody = z
  .looseObject({
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    message: z.string(),
    errors: z
      .array(fieldError)
      .optional()
      .meta({ description: 'VALIDATION_FAILED: what is wrong with which field' }),
    retryAfterSeconds: z
      .number()
      .int()
      .optional()
      .meta({ description: '429, 503: send the same request again after this many seconds' }),
    requestId: z.string().optional().meta({ description: '500: quote it to the administrator' }),
  })
  .meta({ id: 'ErrorBody' });

/** A keyset page: the items, and the cursor of the next page (null on the last). */
/** The keyset paging of a list's query: spread into its filters (`filters.extend(pageQuery)`). */
export const pageQuery = {
  cursor: z
    .string()
    .max(FIELD_LIMITS.cursor)
    .optional()
    .meta({ description: 'the nextCursor of the previous page' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE.max)
    .optional()
    .meta({ description: `items per page (default ${PAGE_SIZE.default})` }),
};

export const cursorPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'pass it as `cursor` to get the next page; null on the last page' }),
  });

/** The media types of the files the API answers or takes. */
export const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

/** The body of a file answer: its bytes (the endpoint's `produces` says which media types). */
export const fileBody = () => z.string().meta({ format: 'binary' });

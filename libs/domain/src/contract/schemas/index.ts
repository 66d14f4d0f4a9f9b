/**
 * `@qinqing/domain/schemas`: the zod schemas of the API and the endpoints defined by them (for the
 * server and tests; the phone imports types and routes from `@qinqing/domain` instead, without zod).
 */
import type * as z from 'zod';
import type { FieldError } from '../../errors';
import { fieldErrorsOf, issueMessage } from './messages';

export * from './common';
export * from './audit';
export * from './auth';
export * from './check-ins';
export * from './desk';
export * from './draws';
export * from './enterprises';
export * from './gates';
export * from './health';
export * from './master-data';
export * from './offline';
export * from './officers';
export * from './oversight';
export * from './policy';
export * from './people';
export * from './ratings';
export * from './reports';
export * from './visits';
export * from './messages';
export * from '../endpoints';

/**
 * Parses one part of a request (`body`, `query`, `params`) with the API's Chinese messages:
 * the parsed value, or the field errors of a 400 VALIDATION_FAILED.
 */
export function parseRequestPart<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: string,
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(value, { error: issueMessage });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsOf(result.error.issues, part) };
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ERROR_MESSAGES, type FieldError } from '@qinqing/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException } from './errors/domain.exception';
import {
  decodeUtf8Strict,
  firstInvalidUtf8,
  INPUT_MESSAGES,
  jsonDepthProblem,
  jsonPathAtEnd,
  jsonTextProblem,
  queryProblem,
  textProblem,
} from './input-limits';
import { REQUEST_ID_HEADER } from './request-id';

type Done = (error: Error | null, body?: unknown) => void;

const invalid = (error: FieldError) =>
  new DomainException('VALIDATION_FAILED', { errors: [error] });

/**
 * Applies the input limits (input-limits.ts) to every request, before anything else reads it:
 * bodies are decoded strictly and checked in the body parsers (JSON, plain text, forms), URLs in
 * an `onRequest` hook. A request that breaks one is answered 400 VALIDATION_FAILED naming the
 * field, by the error filter. Register after the security headers (so the answer carries them)
 * and before app.init() (Nest adds its own parsers then, unless these are in place).
 */
export function registerRequestEdge(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'error',
  );

  app.useBodyParser('application/json', {}, (request, body, done) =>
    jsonBody(request as FastifyRequest, body, done as Done, parseJson),
  );
  app.useBodyParser('text/plain', {}, (_request, body, done) => {
    const text = textBody(body);
    if (text instanceof DomainException) return (done as Done)(text);
    (done as Done)(null, text);
  });
  app.useBodyParser('application/x-www-form-urlencoded', {}, (_request, body, done) => {
    const text = textBody(body);
    if (text instanceof DomainException) return (done as Done)(text);
    const problem = queryProblem(text);
    if (problem) return (done as Done)(invalid(problem));
    const form = formFields(text);
    if (form instanceof DomainException) return (done as Done)(form);
    (done as Done)(null, form);
  });

  fastify.addHook('onRequest', (request, _reply, done) => {
    const problem = urlProblem(request);
    done(problem ? invalid(problem) : undefined);
  });
}

function jsonBody(
  request: FastifyRequest,
  body: Buffer,
  done: Done,
  parseJson: (request: FastifyRequest, body: string, done: Done) => void,
): void {
  const text = decodeUtf8Strict(body);
  if (text === undefined) {
    const valid = body.subarray(0, firstInvalidUtf8(body)).toString('utf8');
    return done(invalid({ field: jsonPathAtEnd(valid), message: INPUT_MESSAGES.invalidUtf8 }));
  }
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep) return done(invalid(tooDeep));
  parseJson(request, text, (error, value) => {
    if (error) return done(error);
    const problem = jsonTextProblem(value);
    done(problem ? invalid(problem) : null, problem ? undefined : value);
  });
}

function textBody(body: Buffer): string | DomainException {
  const text = decodeUtf8Strict(body);
  if (text === undefined) return invalid({ field: 'body', message: INPUT_MESSAGES.invalidUtf8 });
  const problem = textProblem(text);
  return problem ? invalid({ field: 'body', message: problem }) : text;
}

/** A form body's fields (a repeated key gives a list), as Nest's own form parser gives them. */
function formFields(text: string): Record<string, string | string[]> | DomainException {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === '__proto__') {
      return invalid({ field: 'body', message: '含有不允许的字段名（__proto__）' });
    }
    const earlier = fields[key];
    fields[key] = earlier === undefined ? value : [...[earlier].flat(), value];
  }
  return fields;
}

/** The first bad part of a request's URL: its query, then its path parameters (router-decoded). */
function urlProblem(request: FastifyRequest): FieldError | undefined {
  const url = request.url;
  const mark = url.indexOf('?');
  if (mark >= 0) {
    const problem = queryProblem(url.slice(mark + 1));
    if (problem) return problem;
  }
  const params = request.params as Record<string, unknown> | null | undefined;
  for (const [name, value] of Object.entries(params ?? {})) {
    const problem = typeof value === 'string' ? textProblem(value) : undefined;
    if (problem) return { field: name, message: problem };
  }
  return undefined;
}

/**
 * The router's own refusals, made before any hook runs: a path whose percent-encoding is
 * malformed or not UTF-8 (FST_ERR_BAD_URL). Answered in the error contract, with the request id
 * and the headers an API answer always has.
 */
export function frameworkError(_error: Error, request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .header(REQUEST_ID_HEADER, request.id)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send({
      code: 'VALIDATION_FAILED',
      message: ERROR_MESSAGES.VALIDATION_FAILED,
      errors: [{ field: 'path', message: INPUT_MESSAGES.invalidPercentEncoding }],
    });
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '@qinqing/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Env } from '../../config/env';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainException, ERROR_STATUS } from './domain.exception';

/** Maps a 4xx status raised by the framework or Fastify to our closest error code. */
function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 415) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404 || status === 405) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  return 'VALIDATION_FAILED';
}

/**
 * Turns every error into `{code, message, ...}`. A database that cannot be reached becomes 503
 * SERVICE_UNAVAILABLE with Retry-After on every route (a fault of the moment: the client sends the
 * same request again later); the unexpected become a 500 with a request id. An answer that says
 * when to come back (`retryAfterSeconds`: 503, 429) carries it in the Retry-After header too.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  constructor(private readonly env: Env) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception, request);
    if (status === 503) {
      // Expected while the database is away: one line, no stack, per request.
      this.logger.warn(
        { requestId: request.id, code: body.code, cause: describe(exception) },
        'database unavailable: answered 503',
      );
    } else if (status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unexpected error');
    }
    if (typeof body.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(body.retryAfterSeconds));
    }
    void reply.status(status).send(body);
  }

  private toResponse(
    exception: unknown,
    request: FastifyRequest,
  ): { status: number; body: ErrorBody } {
    const requestId = String(request.id);
    const retryAfterSeconds = this.env.DB_UNAVAILABLE_RETRY_AFTER_SECONDS;
    if (exception instanceof DomainException && exception.status === 503) {
      return {
        status: 503,
        body: {
          code: exception.code,
          message: exception.message,
          retryAfterSeconds,
          ...exception.details,
        },
      };
    }
    if (exception instanceof DomainException) {
      return {
        status: exception.status,
        body: {
          code: exception.code,
          message: exception.message,
          ...exception.details,
        },
      };
    }
    const status = statusOf(exception);
    if (status !== undefined && status < 500) {
      const code = codeForStatus(status);
      const detail = bodyErrorMessage(exception, request);
      const body: ErrorBody = { code, message: ERROR_MESSAGES[code] };
      if (code === 'VALIDATION_FAILED' && detail)
        body.errors = [{ field: 'body', message: detail }];
      return { status: ERROR_STATUS[code], body };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        status: 503,
        body: {
          code: 'SERVICE_UNAVAILABLE',
          message: ERROR_MESSAGES.SERVICE_UNAVAILABLE,
          retryAfterSeconds,
        },
      };
    }
    return {
      status: 500,
      body: {
        code: 'INTERNAL_ERROR',
        message: ERROR_MESSAGES.INTERNAL_ERROR,
        requestId,
      },
    };
  }
}

/**
 * What a client is told about a body Fastify refused before our code saw it (in Chinese, like every
 * field message); other framework errors keep their own message.
 */
function bodyErrorMessage(exception: unknown, request: FastifyRequest): string | undefined {
  if (!(exception instanceof Error)) return undefined;
  // Nest hands Fastify's errors on as an HttpException caused by them
  const fastifyError = exception.cause instanceof Error ? exception.cause : exception;
  switch ((fastifyError as { code?: unknown }).code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求体为空：内容类型为 application/json 时须提交 JSON';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return '请求体不是有效的 JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions?.bodyLimit;
      return limit ? `请求体过大（最多 ${Math.floor(limit / 1024)} KB）` : '请求体过大';
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '不支持该内容类型（Content-Type），请提交 JSON';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return '请求体长度与 Content-Length 不符';
    default:
      return exception.message;
  }
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const candidate = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}

function describe(exception: unknown): string {
  if (!(exception instanceof Error)) return String(exception);
  const code = (exception as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${exception.message}` : exception.message;
}

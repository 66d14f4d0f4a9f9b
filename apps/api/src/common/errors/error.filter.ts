import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '@qinqing/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** Turns every error into `{code, message, ...}`; the unexpected become a 500 with a request id. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception, String(request.id));
    if (status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unexpected error');
    }
    void reply.status(status).send(body);
  }

  private toResponse(exception: unknown, requestId: string): { status: number; body: ErrorBody } {
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
      const detail = exception instanceof Error ? exception.message : undefined;
      const body: ErrorBody = { code, message: ERROR_MESSAGES[code] };
      if (code === 'VALIDATION_FAILED' && detail)
        body.errors = [{ field: 'body', message: detail }];
      return { status: ERROR_STATUS[code], body };
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

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const candidate = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}

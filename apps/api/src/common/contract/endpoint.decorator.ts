import {
  applyDecorators,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  SetMetadata,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ERROR_MESSAGES, type ErrorCode } from '@qinqing/domain';
import { checkInRefusedDetails, errorBody, type Endpoint } from '@qinqing/domain/schemas';
import * as z from 'zod';
import { Roles } from '../../auth/auth.decorators';
import { ERROR_STATUS } from '../errors/domain.exception';
import { Public } from '../public.decorator';

export const ENDPOINT = 'qinqing:endpoint';

const PARTS = [
  ['body', RouteParamtypes.BODY, '@Body()'],
  ['query', RouteParamtypes.QUERY, '@Query()'],
  ['params', RouteParamtypes.PARAM, '@Param()'],
] as const;

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

/**
 * Serves a handler as the contract's endpoint (libs/domain/src/contract): its method and path
 * (the controller has no prefix; its @ApiTags groups the operations), status, access (@Public or
 * @Roles), and OpenAPI operation with
 * request and response schemas, success and errors. The handler's whole-part `@Body()`,
 * `@Query()` and `@Param()` get the endpoint's schemas, which the global schema pipe validates:
 * a part the endpoint defines must be taken by the handler, and the other way round, or the class
 * fails to load.
 */
export function Endpoint(endpoint: Endpoint): MethodDecorator {
  const access =
    endpoint.access === 'public'
      ? [Public()]
      : [ApiBearerAuth(), ...(endpoint.access === 'user' ? [] : [Roles(...endpoint.access)])];
  return applyDecorators(
    SetMetadata(ENDPOINT, endpoint),
    attachSchemas(endpoint),
    METHODS[endpoint.method](endpoint.path.replace(/^\/api\//, '')),
    HttpCode(endpoint.status),
    ApiOperation({
      operationId: endpoint.name,
      summary: endpoint.summary,
      description: endpoint.description,
    }),
    ...access,
    ...upload(endpoint),
    successResponse(endpoint),
    ...(endpoint.otherAnswers ?? []).map((answer) =>
      ApiResponse({
        status: answer.status,
        description: answer.description,
        standardSchema: answer.schema,
        examples: { example: { summary: answer.description, value: answer.example } },
      }),
    ),
    ...errorResponses(endpoint),
  );
}

const BINARY = { type: 'string', format: 'binary' } as const;

/** A raw file as the body (the import): its media types. */
function upload(endpoint: Endpoint): MethodDecorator[] {
  if (!endpoint.consumes) return [];
  return [ApiConsumes(...endpoint.consumes), ApiBody({ description: 'The file', schema: BINARY })];
}

function successResponse(endpoint: Endpoint): MethodDecorator {
  if (endpoint.status === 204) return ApiResponse({ status: 204, description: 'No content' });
  if (endpoint.produces) {
    return ApiResponse({
      status: endpoint.status,
      description: 'The file',
      content: Object.fromEntries(endpoint.produces.map((type) => [type, { schema: BINARY }])),
    });
  }
  return ApiResponse({
    status: endpoint.status,
    description: 'OK',
    standardSchema: endpoint.response,
  });
}

function attachSchemas(endpoint: Endpoint): MethodDecorator {
  return (target, key) => {
    const args: Record<string, { index: number; data?: unknown; schema?: unknown }> =
      Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? {};
    const where = `${target.constructor.name}.${String(key)}`;
    for (const [part, type, decorator] of PARTS) {
      const schema = endpoint[part];
      const taken = Object.entries(args).filter(
        ([argKey, arg]) => argKey.startsWith(`${type}:`) && arg.data === undefined,
      );
      if (schema && taken.length !== 1) {
        throw new Error(
          `${where}: ${endpoint.name} defines a ${part}; take it once with ${decorator}`,
        );
      }
      if (!schema && taken.length > 0) {
        throw new Error(
          `${where}: ${endpoint.name} defines no ${part}, but ${decorator} takes one`,
        );
      }
      const named =
        Object.keys(args).some((argKey) => argKey.startsWith(`${type}:`)) && !taken.length;
      if (named)
        throw new Error(`${where}: take the whole ${part} with ${decorator}, not one field`);
      for (const [argKey, arg] of taken) args[argKey] = { ...arg, schema };
    }
    Reflect.defineMetadata(ROUTE_ARGS_METADATA, args, target.constructor, key);
  };
}

/** The error codes an endpoint may answer: its own, and those every endpoint like it may. */
export function errorCodesOf(endpoint: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (endpoint.body || endpoint.consumes || endpoint.query || endpoint.params) {
    codes.add('VALIDATION_FAILED');
  }
  if (endpoint.access !== 'public') codes.add('UNAUTHENTICATED').add('TOKEN_EXPIRED');
  if (Array.isArray(endpoint.access)) codes.add('FORBIDDEN');
  if (endpoint.access !== 'public' && !endpoint.duringPasswordChange) {
    codes.add('PASSWORD_CHANGE_REQUIRED');
  }
  for (const code of endpoint.errors ?? []) codes.add(code);
  codes.add('SERVICE_UNAVAILABLE').add('INTERNAL_ERROR');
  return [...codes];
}

/** What an example body of each code carries besides {code, message}. */
const EXAMPLE_DETAILS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  VALIDATION_FAILED: { errors: [{ field: 'clientTime', message: '必填' }] },
  CHECK_IN_REFUSED: {
    reasons: [
      {
        code: 'QUIET_PERIOD',
        message: '当前处于企业安静期，不开展日常检查；信访举报核实不受限制。',
      },
    ],
    attemptId: '6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5a',
    decision: {
      outcome: 'REFUSED',
      reasons: [
        {
          code: 'QUIET_PERIOD',
          message: '当前处于企业安静期，不开展日常检查；信访举报核实不受限制。',
        },
      ],
      policyVersion: 2,
    },
  },
  RATE_LIMITED: { retryAfterSeconds: 60 },
  SERVICE_UNAVAILABLE: { retryAfterSeconds: 5 },
  INTERNAL_ERROR: { requestId: '0b7f3c9e-5d0a-4d7e-9a39-8f0f4f0c2a11' },
};

/** Error bodies with more than ErrorBody's fields, by code. */
const ERROR_DETAILS: Partial<Record<ErrorCode, z.ZodObject>> = {
  CHECK_IN_REFUSED: checkInRefusedDetails,
};

function errorResponses(endpoint: Endpoint): MethodDecorator[] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(endpoint)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return [...byStatus].map(([status, codes]) => {
    const detailed = codes.map((code) => ERROR_DETAILS[code]).filter((s) => s !== undefined);
    const schema = detailed.length
      ? z.union([errorBody, ...detailed.map((d) => errorBody.and(d))])
      : errorBody;
    return ApiResponse({
      status,
      description: codes.map((code) => `${code}: ${ERROR_MESSAGES[code]}`).join('\n\n'),
      standardSchema: schema,
      examples: Object.fromEntries(
        codes.map((code) => [
          code,
          {
            summary: code,
            value: { code, message: ERROR_MESSAGES[code], ...EXAMPLE_DETAILS[code] },
          },
        ]),
      ),
    });
  });
}

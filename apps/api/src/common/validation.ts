import {
  StandardSchemaValidationPipe,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import type { FieldError } from '@qinqing/domain';
import { fieldErrorsOf, issueMessage } from '@qinqing/domain/schemas';
import type * as z from 'zod';
import { DomainException } from './errors/domain.exception';

/** Flattens class-validator's tree into `[{field: 'location.lat', message}]`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The one validation pipe of class-validator DTOs (the endpoints not yet defined by a schema). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new DomainException('VALIDATION_FAILED', {
        errors: flattenValidationErrors(errors),
      }),
  });
}

type StandardSchema = NonNullable<ArgumentMetadata['schema']>;

function isZod(schema: StandardSchema): schema is StandardSchema & z.ZodType {
  return schema['~standard'].vendor === 'zod';
}

/**
 * Validates the parts of a request that carry a schema (the contract's endpoints, see
 * ./contract/endpoint.decorator.ts) with Chinese messages, and answers 400 VALIDATION_FAILED with
 * `errors: [{field, message}]` as the class-validator pipe does.
 */
export class SchemaValidationPipe extends StandardSchemaValidationPipe {
  constructor() {
    super({ transform: true });
  }

  override async transform<T>(value: T, metadata: ArgumentMetadata): Promise<T> {
    const schema = metadata.schema;
    if (!schema || !isZod(schema) || !this.toValidate(metadata)) {
      return super.transform(value, metadata);
    }
    this.stripProtoKeys(value);
    const result = schema.safeParse(value, { error: issueMessage });
    if (!result.success) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: fieldErrorsOf(
          result.error.issues,
          metadata.type === 'param' ? 'params' : metadata.type,
        ),
      });
    }
    return result.data as T;
  }
}

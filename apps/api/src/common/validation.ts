import { StandardSchemaValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { fieldErrorsOf, issueMessage } from '@qinqing/domain/schemas';
import type * as z from 'zod';
import { DomainException } from './errors/domain.exception';

type StandardSchema = NonNullable<ArgumentMetadata['schema']>;

function isZod(schema: StandardSchema): schema is StandardSchema & z.ZodType {
  return schema['~standard'].vendor === 'zod';
}

/**
 * Validates the parts of a request that carry a schema (the contract's endpoints, see
 * ./contract/endpoint.decorator.ts) with Chinese messages, and answers 400 VALIDATION_FAILED with
 * `errors: [{field, message}]`.
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

import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@qinqing/domain';
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

/** The one validation pipe: unknown fields rejected, values transformed, field errors reported. */
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

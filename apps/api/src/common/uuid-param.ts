import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainException } from './errors/domain.exception';

/**
 * A path parameter that must be a UUID (`@Param('id', UuidParam)`): otherwise 400
 * VALIDATION_FAILED naming the parameter, like a body field (ParseUUIDPipe named it `body`).
 */
@Injectable()
export class UuidParam implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw new DomainException('VALIDATION_FAILED', {
      errors: [{ field, message: `${field} 应为 UUID` }],
    });
  }
}

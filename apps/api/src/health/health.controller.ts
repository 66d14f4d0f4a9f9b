import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { DatabaseHealthRepository } from './database-health.repository';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly database: DatabaseHealthRepository) {}

  @Endpoint(ENDPOINTS.health)
  async check(): Promise<EndpointResponse<'health'>> {
    try {
      await this.database.ping();
    } catch {
      throw new DomainException('DATABASE_UNAVAILABLE');
    }
    return {
      status: 'ok',
      database: 'up',
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }
}

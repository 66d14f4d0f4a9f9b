import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import { Public } from '../common/public.decorator';

export class HealthDto {
  status: 'ok';
  database: 'up';
  version: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database check' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({
    description: '{code: "DATABASE_UNAVAILABLE"}',
  })
  async check(): Promise<HealthDto> {
    try {
      await this.dataSource.query('SELECT 1');
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

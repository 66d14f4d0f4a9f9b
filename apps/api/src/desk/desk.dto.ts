import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

/** GET /desk/summary */
export class DeskSummaryQuery {
  @ApiPropertyOptional({ description: 'from (ISO 8601, inclusive); default 12 weeks before now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'to (ISO 8601, exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'a unit of the jurisdiction: that unit and the units below' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

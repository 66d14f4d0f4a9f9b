import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsDateTime, Optional } from '../common/validators';

/** GET /desk/summary */
export class DeskSummaryQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'from (ISO 8601, inclusive); default 12 weeks before now',
  })
  @Optional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'to (ISO 8601, exclusive); default now',
  })
  @Optional()
  @IsDateTime()
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a unit of the jurisdiction: that unit and the units below',
  })
  @Optional()
  @IsUUID()
  unitId?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength } from 'class-validator';
import { Optional } from '../common/validators';

export class UpdatePolicyDto {
  @ApiProperty({
    description:
      'The whole policy (see CheckInPolicy in libs/domain): positiveListAllowedPurposes, ' +
      'annualCapPerUnitLevel, capExemptPurposes, repeatVisitWindowDays, quietPeriods, ' +
      'quietPeriodRefusedPurposes, geofenceDefaultRadiusM, backfillWindowDays, ' +
      'clockSkewToleranceMinutes, minOfficers, utcOffsetMinutes',
  })
  @IsObject()
  policy: Record<string, unknown>;

  @ApiProperty({ required: false, description: 'Why it changed (kept with the version)' })
  @Optional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

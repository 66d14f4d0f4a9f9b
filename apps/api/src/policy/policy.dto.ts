import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

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
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

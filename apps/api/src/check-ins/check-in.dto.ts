import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  PartialType,
  PickType,
} from '@nestjs/swagger';
import { PURPOSES, type Purpose } from '@qinqing/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class LocationDto {
  @ApiProperty({ example: 34.8528 })
  @IsLatitude()
  lat: number;

  @ApiProperty({ example: 113.6305 })
  @IsLongitude()
  lng: number;

  @ApiProperty({ example: 15, description: 'metres' })
  @IsNumber()
  @Min(0)
  @Max(100_000)
  accuracy: number;
}

export class CheckInDto {
  @ApiProperty({ description: 'UUID made by the phone: the idempotency key' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ description: 'The scanned text of the gate code (its URL or the bare token)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  code: string;

  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES)
  purpose: Purpose;

  @ApiPropertyOptional({ description: 'The task, complaint number, case … the purpose needs' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'User ids of the co-officers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  coOfficerIds?: string[];

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto | null;

  @ApiProperty({
    description: 'When the officer scanned, ISO 8601 with a zone',
    example: '2026-11-22T09:30:00+08:00',
  })
  @IsISO8601({ strict: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/i, { message: 'clientTime must carry a time zone (Z or +08:00)' })
  clientTime: string;
}

/**
 * POST /check-ins/preview: the scan's facts without a purpose (nothing is recorded): the check-in's
 * own fields and rules, with the scan time optional (default: now).
 */
export class CheckInPreviewDto extends IntersectionType(
  PickType(CheckInDto, ['code', 'reference', 'coOfficerIds', 'location'] as const),
  PartialType(PickType(CheckInDto, ['clientTime'] as const)),
) {}

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
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateTime, Nullable, Optional } from '../common/validators';

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
  @ApiProperty({ format: 'uuid', description: 'UUID made by the phone: the idempotency key' })
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

  @ApiPropertyOptional({
    type: String,
    description: 'The task, complaint number, case … the purpose needs',
    nullable: true,
  })
  @Nullable()
  @IsString()
  @MaxLength(100)
  reference?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'User ids of the co-officers' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  coOfficerIds?: string[];

  @ApiPropertyOptional({ type: LocationDto, nullable: true })
  @Nullable()
  @IsObject() // ValidateNested alone takes an array as a list of locations (an empty one passes)
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto | null;

  @ApiProperty({
    format: 'date-time',
    description: 'When the officer scanned, ISO 8601 with a zone',
    example: '2026-11-22T09:30:00+08:00',
  })
  @IsDateTime({ requireZone: true })
  clientTime: string;
}

/**
 * POST /check-ins/preview: the scan's facts without a purpose (nothing is recorded): the check-in's
 * own fields and rules, with the scan time optional (default: now).
 */
export class CheckInPreviewDto extends IntersectionType(
  PickType(CheckInDto, ['code', 'reference', 'coOfficerIds', 'location'] as const),
  // a null clientTime is refused (skipNullProperties: false): only leaving it out means now
  PartialType(PickType(CheckInDto, ['clientTime'] as const), { skipNullProperties: false }),
) {}

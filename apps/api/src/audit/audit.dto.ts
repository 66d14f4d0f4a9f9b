import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_VERIFY_MAX_CHECKPOINTS } from '@qinqing/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateTime, Optional } from '../common/validators';

/** A signed checkpoint as GET /public/audit/checkpoint gave it (algorithm and key may be left out). */
export class AuditCheckpointDto {
  @ApiProperty({ example: 1234 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  seq: number;

  @ApiProperty({ description: 'the entry hash, 64 lower-case hex characters' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  hash: string;

  @ApiProperty({ format: 'date-time', description: 'when it was signed, exactly as signed' })
  @IsDateTime({ requireZone: true })
  at: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(255)
  keyId: number;

  @ApiProperty({ description: 'base64url of the 64-byte Ed25519 signature' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{86}$/)
  signature: string;

  /** Echoed by the public endpoint; ignored here (the server's own key decides). */
  @ApiProperty({ required: false })
  @Optional()
  @IsIn(['Ed25519'])
  algorithm?: string;

  @ApiProperty({ required: false })
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/)
  publicKey?: string;
}

export class AuditVerifyDto {
  @ApiProperty({ type: [AuditCheckpointDto], maxItems: AUDIT_VERIFY_MAX_CHECKPOINTS })
  @IsArray()
  @ArrayMaxSize(AUDIT_VERIFY_MAX_CHECKPOINTS)
  @ValidateNested({ each: true })
  @Type(() => AuditCheckpointDto)
  checkpoints: AuditCheckpointDto[];
}

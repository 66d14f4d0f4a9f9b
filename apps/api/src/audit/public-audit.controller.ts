import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditCheckpointKeysResponse, PublicAuditCheckpoint } from '@qinqing/domain';
import { Public } from '../common/public.decorator';
import { AuditCheckpointKeys } from './checkpoint-keys';
import { AuditCheckpointsService } from './checkpoints.service';

/** What anyone may read of the audit log without a login: its signed checkpoints and the key. */
@ApiTags('audit')
@Controller('v1/public/audit')
export class PublicAuditController {
  constructor(
    private readonly checkpoints: AuditCheckpointsService,
    private readonly keys: AuditCheckpointKeys,
  ) {}

  @Public()
  @Get('checkpoint')
  @ApiOperation({
    summary:
      'The latest signed checkpoint {seq, hash, at, keyId, signature} and its public key; keep it ' +
      'and send it to POST /audit/verify later (signed anew when older than ' +
      'AUDIT_CHECKPOINT_FRESH_MINUTES and the chain has grown)',
  })
  @ApiOkResponse({ description: 'PublicAuditCheckpoint' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: the audit log has no entry yet' })
  checkpoint(): Promise<PublicAuditCheckpoint> {
    return this.checkpoints.latestFresh();
  }

  @Public()
  @Get('keys')
  @ApiOperation({ summary: 'The Ed25519 public keys that verify audit checkpoints, by key id' })
  @ApiOkResponse({ description: '{algorithm: "Ed25519", keys: [{keyId, publicKey}]}' })
  keysOf(): AuditCheckpointKeysResponse {
    return this.keys.published();
  }
}

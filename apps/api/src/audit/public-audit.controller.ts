import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { AuditCheckpointKeys } from './checkpoint-keys';
import { AuditCheckpointsService } from './checkpoints.service';

/** What anyone may read of the audit log without a login: its signed checkpoints and the key. */
@ApiTags('audit')
@Controller()
export class PublicAuditController {
  constructor(
    private readonly checkpoints: AuditCheckpointsService,
    private readonly keys: AuditCheckpointKeys,
  ) {}

  @Endpoint(ENDPOINTS.publicAuditCheckpoint)
  checkpoint(): Promise<EndpointResponse<'publicAuditCheckpoint'>> {
    return this.checkpoints.latestFresh();
  }

  @Endpoint(ENDPOINTS.auditCheckpointKeys)
  keysOf(): EndpointResponse<'auditCheckpointKeys'> {
    return this.keys.published();
  }
}

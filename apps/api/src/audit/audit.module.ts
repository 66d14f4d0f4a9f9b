import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { ChainCheckService } from './chain-check.service';
import { AuditCheckpointKeys } from './checkpoint-keys';
import { AuditCheckpointsService } from './checkpoints.service';
import { PublicAuditController } from './public-audit.controller';

@Global()
@Module({
  controllers: [AuditController, PublicAuditController],
  providers: [
    AuditRepository,
    AuditService,
    ChainCheckService,
    AuditCheckpointKeys,
    AuditCheckpointsService,
  ],
  exports: [AuditService, ChainCheckService, AuditCheckpointsService],
})
export class AuditModule {}

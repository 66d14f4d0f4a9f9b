import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { ChainCheckService } from './chain-check.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, ChainCheckService],
  exports: [AuditService, ChainCheckService],
})
export class AuditModule {}

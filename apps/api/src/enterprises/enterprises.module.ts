import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { EnterpriseAdminService } from './enterprise-admin.service';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesService } from './enterprises.service';

@Module({
  imports: [PolicyModule],
  controllers: [EnterprisesController],
  providers: [EnterprisesService, EnterpriseAdminService],
  exports: [EnterprisesService],
})
export class EnterprisesModule {}

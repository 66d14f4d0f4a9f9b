import { forwardRef, Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { EnterpriseAdminService } from './enterprise-admin.service';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';

@Module({
  imports: [PolicyModule, forwardRef(() => UnitsModule), forwardRef(() => UsersModule)],
  controllers: [EnterprisesController],
  providers: [EnterprisesRepository, EnterprisesService, EnterpriseAdminService],
  exports: [EnterprisesRepository, EnterprisesService],
})
export class EnterprisesModule {}

import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { OfficersModule } from '../officers/officers.module';
import { PolicyModule } from '../policy/policy.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { DrawsController } from './draws.controller';
import { DrawsRepository } from './draws.repository';
import { DrawsService } from './draws.service';
import { OfficerConflictsController, OfficerConflictsService } from './officer-conflicts';

/** 双随机、一公开: verifiable draws, their tasks, the public results. */
@Module({
  imports: [PolicyModule, UsersModule, UnitsModule, EnterprisesModule, OfficersModule],
  controllers: [DrawsController, OfficerConflictsController],
  providers: [DrawsService, DrawsRepository, OfficerConflictsService],
  exports: [DrawsService],
})
export class DrawsModule {}

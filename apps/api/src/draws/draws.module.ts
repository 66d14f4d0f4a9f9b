import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { DrawsController } from './draws.controller';
import { DrawsRepository } from './draws.repository';
import { DrawsService } from './draws.service';
import { OfficerConflictsController, OfficerConflictsService } from './officer-conflicts';

/** 双随机、一公开: verifiable draws, their tasks, the public results. */
@Module({
  imports: [PolicyModule],
  controllers: [DrawsController, OfficerConflictsController],
  providers: [DrawsService, DrawsRepository, OfficerConflictsService],
  exports: [DrawsService],
})
export class DrawsModule {}

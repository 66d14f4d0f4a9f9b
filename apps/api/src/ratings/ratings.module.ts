import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { UsersModule } from '../users/users.module';
import { VisitsModule } from '../visits/visits.module';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import { RatingsController } from './ratings.controller';
import { RatingsRepository } from './ratings.repository';
import { RatingsService } from './ratings.service';
import { SpotChecksController } from './spot-checks.controller';
import { SpotChecksRepository } from './spot-checks.repository';
import { SpotChecksService } from './spot-checks.service';

/** 好差评 ratings, the 回访核实 cases they open, and monthly 抽查 of ratings. */
@Module({
  imports: [PolicyModule, VisitsModule, UsersModule],
  controllers: [RatingsController, FollowUpsController, SpotChecksController],
  providers: [
    RatingsService,
    FollowUpsService,
    SpotChecksService,
    RatingsRepository,
    FollowUpsRepository,
    SpotChecksRepository,
  ],
  exports: [RatingsService],
})
export class RatingsModule {}

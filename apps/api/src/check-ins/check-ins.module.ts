import { Module } from '@nestjs/common';
import { GatesModule } from '../gates/gates.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PolicyModule } from '../policy/policy.module';
import { CheckInReplay } from './check-in-replay';
import { CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';

@Module({
  imports: [GatesModule, PolicyModule, NotificationsModule],
  controllers: [CheckInsController],
  providers: [CheckInsService, CheckInReplay],
})
export class CheckInsModule {}

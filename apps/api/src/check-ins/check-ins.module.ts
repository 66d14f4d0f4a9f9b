import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { GatesModule } from '../gates/gates.module';
import { VisitsModule } from '../visits/visits.module';
import { CheckInRepository } from './check-in.repository';
import { CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';

@Module({
  imports: [EnterprisesModule, GatesModule, VisitsModule],
  controllers: [CheckInsController],
  providers: [CheckInsService, CheckInRepository],
})
export class CheckInsModule {}

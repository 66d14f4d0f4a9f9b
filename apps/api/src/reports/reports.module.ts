import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { OfficersModule } from '../officers/officers.module';
import { VisitsModule } from '../visits/visits.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { RouteBodyLimit } from '../common/route-body-limit';

@Module({
  imports: [VisitsModule, OfficersModule, EnterprisesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository, RouteBodyLimit],
  exports: [ReportsService],
})
export class ReportsModule {}

import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { RouteBodyLimit } from '../common/route-body-limit';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository, RouteBodyLimit],
  exports: [ReportsService],
})
export class ReportsModule {}

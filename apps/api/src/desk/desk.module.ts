import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { VisitsModule } from '../visits/visits.module';
import { DeskFiguresRepository } from './desk-figures.repository';
import { DeskController } from './desk.controller';
import { DeskService } from './desk.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** The supervisor's desk: summary statistics and XLSX / CSV exports. */
@Module({
  imports: [PolicyModule, VisitsModule],
  controllers: [DeskController, ExportsController],
  providers: [DeskService, ExportsService, DeskFiguresRepository],
})
export class DeskModule {}

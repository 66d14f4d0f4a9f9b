import { Module } from '@nestjs/common';
import { RouteBodyLimit } from '../common/route-body-limit';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { MasterDataController } from './master-data.controller';
import { MasterDataRepository } from './master-data.repository';
import { MasterDataService } from './master-data.service';
import { SpreadsheetBodyParser } from './spreadsheet-body';

/** Bulk import and export of firms, gates, credit grades and 正面清单 batches (admins). */
@Module({
  imports: [EnterprisesModule, UnitsModule, UsersModule],
  controllers: [MasterDataController],
  providers: [MasterDataRepository, MasterDataService, SpreadsheetBodyParser, RouteBodyLimit],
})
export class MasterDataModule {}

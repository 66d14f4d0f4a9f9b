import { Module } from '@nestjs/common';
import { RouteBodyLimit } from '../common/route-body-limit';
import { MasterDataController } from './master-data.controller';
import { MasterDataService } from './master-data.service';
import { SpreadsheetBodyParser } from './spreadsheet-body';

/** Bulk import and export of firms, gates, credit grades and 正面清单 batches (admins). */
@Module({
  controllers: [MasterDataController],
  providers: [MasterDataService, SpreadsheetBodyParser, RouteBodyLimit],
})
export class MasterDataModule {}

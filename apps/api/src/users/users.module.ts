import { Module } from '@nestjs/common';
import { CredentialsSheetController } from './credentials-sheet/credentials-sheet.controller';
import { CredentialsSheetService } from './credentials-sheet/credentials-sheet.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController, CredentialsSheetController],
  providers: [UsersService, CredentialsSheetService],
})
export class UsersModule {}

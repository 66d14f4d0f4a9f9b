import { forwardRef, Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { UnitsModule } from '../units/units.module';
import { CredentialsSheetController } from './credentials-sheet/credentials-sheet.controller';
import { CredentialsSheetService } from './credentials-sheet/credentials-sheet.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [forwardRef(() => UnitsModule), forwardRef(() => EnterprisesModule)],
  controllers: [UsersController, CredentialsSheetController],
  providers: [UsersRepository, UsersService, CredentialsSheetService],
  exports: [UsersRepository],
})
export class UsersModule {}

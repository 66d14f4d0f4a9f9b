import { forwardRef, Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({
  imports: [forwardRef(() => UsersModule)],
  controllers: [UnitsController],
  providers: [UnitsRepository, UnitsService],
  exports: [UnitsRepository, UnitsService],
})
export class UnitsModule {}

import { Module } from '@nestjs/common';
import { GatesModule } from '../gates/gates.module';
import { OfficersController } from './officers.controller';
import { OfficersRepository } from './officers.repository';
import { OfficersService } from './officers.service';

@Module({
  imports: [GatesModule],
  controllers: [OfficersController],
  providers: [OfficersService, OfficersRepository],
  exports: [OfficersService, OfficersRepository],
})
export class OfficersModule {}

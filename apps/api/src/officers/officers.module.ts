import { Module } from '@nestjs/common';
import { GatesModule } from '../gates/gates.module';
import { OfficersController } from './officers.controller';
import { OfficersService } from './officers.service';

@Module({
  imports: [GatesModule],
  controllers: [OfficersController],
  providers: [OfficersService],
  exports: [OfficersService],
})
export class OfficersModule {}

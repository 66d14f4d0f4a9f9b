import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { GateCodeKeys } from './gate-code-keys';
import { GateCodesRepository } from './gate-codes.repository';
import { GateCodesService } from './gate-codes.service';
import { GatePosterService } from './gate-poster.service';
import { GateCodeLandingController, GatesController } from './gates.controller';

@Module({
  imports: [EnterprisesModule],
  controllers: [GatesController, GateCodeLandingController],
  providers: [GateCodesRepository, GateCodeKeys, GateCodesService, GatePosterService],
  exports: [GateCodesRepository, GateCodesService, GateCodeKeys],
})
export class GatesModule {}

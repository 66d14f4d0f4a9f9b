import { Module } from '@nestjs/common';
import { GateCodeKeys } from './gate-code-keys';
import { GateCodesService } from './gate-codes.service';
import { GatePosterService } from './gate-poster.service';
import { GateCodeLandingController, GatesController } from './gates.controller';

@Module({
  controllers: [GatesController, GateCodeLandingController],
  providers: [GateCodeKeys, GateCodesService, GatePosterService],
  exports: [GateCodesService, GateCodeKeys],
})
export class GatesModule {}

import { Module } from '@nestjs/common';
import { DrawsModule } from '../draws/draws.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { GatesModule } from '../gates/gates.module';
import { OfficersModule } from '../officers/officers.module';
import { PolicyModule } from '../policy/policy.module';
import { VisitsModule } from '../visits/visits.module';
import { GateCodeVersionsRepository } from './gate-code-versions.repository';
import { OfflineController } from './offline.controller';
import { OfflineSnapshotService } from './offline-snapshot.service';

@Module({
  imports: [
    DrawsModule,
    EnterprisesModule,
    GatesModule,
    OfficersModule,
    PolicyModule,
    VisitsModule,
  ],
  controllers: [OfflineController],
  providers: [OfflineSnapshotService, GateCodeVersionsRepository],
})
export class OfflineModule {}

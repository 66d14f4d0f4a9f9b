import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OfflineSnapshotResponse } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { OfflineSnapshotService } from './offline-snapshot.service';

@ApiTags('offline')
@ApiBearerAuth()
@Controller('v1/offline')
export class OfflineController {
  constructor(private readonly snapshots: OfflineSnapshotService) {}

  @Get('snapshot')
  @Roles('officer')
  @ApiOperation({
    summary:
      'The signed snapshot an officer’s phone keeps for check-ins without signal: the unit’s firms, ' +
      'their earlier visits, active code versions, the policy and the verification keys',
  })
  snapshot(@CurrentUser() user: AuthenticatedUser): Promise<OfflineSnapshotResponse> {
    return this.snapshots.forOfficer(user);
  }
}

import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { OfflineSnapshotService } from './offline-snapshot.service';

@ApiTags('offline')
@Controller()
export class OfflineController {
  constructor(private readonly snapshots: OfflineSnapshotService) {}

  @Endpoint(ENDPOINTS.offlineSnapshot)
  snapshot(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'offlineSnapshot'>> {
    return this.snapshots.forOfficer(user);
  }
}

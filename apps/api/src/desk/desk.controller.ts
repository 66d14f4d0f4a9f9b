import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedQuery } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DeskService } from './desk.service';

@ApiTags('desk')
@Controller()
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @Endpoint(ENDPOINTS.deskSummary)
  summary(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'deskSummary'>,
  ): Promise<EndpointResponse<'deskSummary'>> {
    return this.desk.summary(user, query);
  }
}

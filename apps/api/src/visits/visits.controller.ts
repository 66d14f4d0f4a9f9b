import { Body, Controller, Param, Query } from '@nestjs/common';
import type { EndpointResponse, ParsedBody, ParsedParams, ParsedQuery } from '@qinqing/domain';
import { ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Endpoint(ENDPOINTS.listVisits)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'listVisits'>,
  ): Promise<EndpointResponse<'listVisits'>> {
    return this.visits.list(user, query);
  }

  @Endpoint(ENDPOINTS.getVisit)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'getVisit'>,
  ): Promise<EndpointResponse<'getVisit'>> {
    return this.visits.get(user, id);
  }

  @Endpoint(ENDPOINTS.visitAudit)
  async audit(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'visitAudit'>,
  ): Promise<EndpointResponse<'visitAudit'>> {
    return { items: await this.visits.auditTrail(user, id) };
  }

  @Endpoint(ENDPOINTS.checkOut)
  checkOut(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'checkOut'>,
    @Body() body: ParsedBody<'checkOut'>,
  ): Promise<EndpointResponse<'checkOut'>> {
    return this.visits.checkOut(user, id, body);
  }
}

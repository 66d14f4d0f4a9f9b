import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody, ParsedParams, ParsedQuery } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('follow-ups')
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Endpoint(ENDPOINTS.listFollowUps)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'listFollowUps'>,
  ): Promise<EndpointResponse<'listFollowUps'>> {
    return { items: await this.followUps.list(user, query) };
  }

  @Endpoint(ENDPOINTS.getFollowUp)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'getFollowUp'>,
  ): Promise<EndpointResponse<'getFollowUp'>> {
    return this.followUps.get(user, id);
  }

  @Endpoint(ENDPOINTS.recordFollowUpContact)
  contact(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'recordFollowUpContact'>,
    @Body() body: ParsedBody<'recordFollowUpContact'>,
  ): Promise<EndpointResponse<'recordFollowUpContact'>> {
    return this.followUps.addContact(user, id, body);
  }

  @Endpoint(ENDPOINTS.closeFollowUp)
  close(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'closeFollowUp'>,
    @Body() body: ParsedBody<'closeFollowUp'>,
  ): Promise<EndpointResponse<'closeFollowUp'>> {
    return this.followUps.close(user, id, body);
  }
}

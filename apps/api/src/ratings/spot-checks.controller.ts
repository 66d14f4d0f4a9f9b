import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody, ParsedParams } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { SpotChecksService } from './spot-checks.service';

@ApiTags('rating-spot-checks')
@Controller()
export class SpotChecksController {
  constructor(private readonly spotChecks: SpotChecksService) {}

  @Endpoint(ENDPOINTS.drawSpotCheck)
  draw(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'drawSpotCheck'>,
  ): Promise<EndpointResponse<'drawSpotCheck'>> {
    return this.spotChecks.draw(user, body);
  }

  @Endpoint(ENDPOINTS.listSpotChecks)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'listSpotChecks'>> {
    return { items: await this.spotChecks.list(user) };
  }

  @Endpoint(ENDPOINTS.getSpotCheck)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'getSpotCheck'>,
  ): Promise<EndpointResponse<'getSpotCheck'>> {
    return this.spotChecks.get(user, id);
  }

  @Endpoint(ENDPOINTS.recordSpotCheckResult)
  record(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, ratingId }: ParsedParams<'recordSpotCheckResult'>,
    @Body() body: ParsedBody<'recordSpotCheckResult'>,
  ): Promise<EndpointResponse<'recordSpotCheckResult'>> {
    return this.spotChecks.record(user, id, ratingId, body);
  }
}

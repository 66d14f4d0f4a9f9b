import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody, ParsedParams, ParsedQuery } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Endpoint(ENDPOINTS.rateVisit)
  rate(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'rateVisit'>,
    @Body() body: ParsedBody<'rateVisit'>,
  ): Promise<EndpointResponse<'rateVisit'>> {
    return this.ratings.rate(user, id, body);
  }

  @Endpoint(ENDPOINTS.visitRating)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'visitRating'>,
  ): Promise<EndpointResponse<'visitRating'>> {
    return this.ratings.get(user, id);
  }

  @Endpoint(ENDPOINTS.ratingStatus)
  status(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'ratingStatus'>,
  ): Promise<EndpointResponse<'ratingStatus'>> {
    return this.ratings.status(user, id);
  }

  @Endpoint(ENDPOINTS.listRatings)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'listRatings'>,
  ): Promise<EndpointResponse<'listRatings'>> {
    return this.ratings.list(user, query);
  }

  @Endpoint(ENDPOINTS.myRatingSummary)
  summary(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'myRatingSummary'>> {
    return this.ratings.officerSummary(user);
  }
}

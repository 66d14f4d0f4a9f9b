import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RatingListItem, RatingStatusView, RatingSummary, RatingView } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RatingDto, RatingListQuery } from './ratings.dto';
import { RatingsService } from './ratings.service';
import { UuidParam } from '../common/uuid-param';

@ApiTags('ratings')
@ApiBearerAuth()
@Controller('v1')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post('visits/:id/rating')
  @Roles('enterprise')
  @ApiOperation({
    summary:
      '好差评: a user of the visited firm rates a checked-out visit, once, within the window',
  })
  rate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
    @Body() body: RatingDto,
  ): Promise<RatingView> {
    return this.ratings.rate(user, id, body);
  }

  @Get('visits/:id/rating')
  @Roles('enterprise', 'supervisor', 'admin')
  @ApiOperation({ summary: 'The rating of a visit (the firm, supervisors); 404 when not rated' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<RatingView> {
    return this.ratings.get(user, id);
  }

  @Get('visits/:id/rating-status')
  @Roles('enterprise', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Whether the visit can be rated now, and until when' })
  status(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<RatingStatusView> {
    return this.ratings.status(user, id);
  }

  @Get('ratings')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Ratings of the jurisdiction, newest first, keyset-paginated' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RatingListQuery,
  ): Promise<{ items: RatingListItem[]; nextCursor: string | null }> {
    return this.ratings.list(user, query);
  }

  @Get('officers/me/rating-summary')
  @Roles('officer')
  @ApiOperation({
    summary: 'The officer’s own ratings, aggregated over released monthly batches (anonymous)',
  })
  summary(@CurrentUser() user: AuthenticatedUser): Promise<RatingSummary> {
    return this.ratings.officerSummary(user);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DeskSummary } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DeskSummaryQuery } from './desk.dto';
import { DeskService } from './desk.service';

@ApiTags('desk')
@ApiBearerAuth()
@Controller('v1/desk')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @Get('summary')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: "The supervisor's desk: visits, refusals, positive-list visits, ratings, cases",
    description:
      'Over the jurisdiction, or the given unit and the units below it. Visits, refusals, ratings ' +
      'and finished cases and reports count within [from, to) (default: the last 12 weeks); open ' +
      'and overdue follow-ups and reports not concluded count as of now. Weeks start on Monday, ' +
      "bureau time. spotCheck is this month's spot check of the jurisdiction.",
  })
  @ApiOkResponse({ description: 'DeskSummary' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  @ApiNotFoundResponse({
    description: 'NOT_FOUND: the unit does not exist or is outside the jurisdiction',
  })
  summary(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DeskSummaryQuery,
  ): Promise<DeskSummary> {
    return this.desk.summary(user, query);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { VisitView } from './visit-view';
import { CheckOutDto, ListVisitsQuery } from './visits.dto';
import { type AuditTrailEntry, VisitsService } from './visits.service';
import { UuidParam } from '../common/uuid-param';

@ApiTags('visits')
@ApiBearerAuth()
@Controller('v1/visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get()
  @ApiOperation({
    summary: 'Visits and refused attempts in the caller’s scope, newest first, keyset-paginated',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListVisitsQuery,
  ): Promise<{ items: VisitView[]; nextCursor: string | null }> {
    return this.visits.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One visit; 404 when it does not exist or is outside the caller’s scope',
  })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<VisitView> {
    return this.visits.get(user, id);
  }

  @Get(':id/audit')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The audit entries of a visit (check-in, check-out, auto-close …)' })
  async audit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<{ items: AuditTrailEntry[] }> {
    return { items: await this.visits.auditTrail(user, id) };
  }

  @Post(':id/check-out')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Check out with findings (an officer of the visit, once)' })
  checkOut(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
    @Body() body: CheckOutDto,
  ): Promise<VisitView> {
    return this.visits.checkOut(user, id, body);
  }
}

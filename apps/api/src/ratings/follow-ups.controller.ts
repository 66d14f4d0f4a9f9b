import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FollowUpCaseView } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FollowUpsService } from './follow-ups.service';
import { FollowUpCloseDto, FollowUpContactDto, FollowUpListQuery } from './ratings.dto';
import { UuidParam } from '../common/uuid-param';

@ApiTags('follow-ups')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('v1/follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @ApiOperation({ summary: '回访核实 cases of the jurisdiction: open ones first, by due time' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: FollowUpListQuery,
  ): Promise<{ items: FollowUpCaseView[] }> {
    return { items: await this.followUps.list(user, query) };
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<FollowUpCaseView> {
    return this.followUps.get(user, id);
  }

  @Post(':id/contacts')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a contact with the firm (call, visit …)' })
  contact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
    @Body() body: FollowUpContactDto,
  ): Promise<FollowUpCaseView> {
    return this.followUps.addContact(user, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close with the finding and resolution (after at least one contact)' })
  close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
    @Body() body: FollowUpCloseDto,
  ): Promise<FollowUpCaseView> {
    return this.followUps.close(user, id, body);
  }
}

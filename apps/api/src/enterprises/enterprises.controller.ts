import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import {
  AddPositiveListDto,
  CreateEnterpriseDto,
  EndPositiveListDto,
  UpdateEnterpriseDto,
} from './enterprise-admin.dto';
import { EnterpriseAdminService } from './enterprise-admin.service';
import type { Enterprise } from './enterprise.entity';
import { EnterprisesService, type EnterpriseView } from './enterprises.service';
import type { PositiveListEntry } from './positive-list-entry.entity';
import { UuidParam } from '../common/uuid-param';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly scopes: ScopeService,
    private readonly policies: PolicyService,
    private readonly admin: EnterpriseAdminService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Firms in the caller’s scope (officer: the unit’s; supervisor: the jurisdiction’s; ' +
      'enterprise user: its own; admin: all), with gates and 正面清单 status today',
  })
  @ApiOkResponse({
    description:
      '{items: [{id, uscc, name, creditGrade, supervisionClass, onPositiveList, gates: [{id, name, lat, lng, radiusM}], ...}]}',
  })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: EnterpriseView[] }> {
    const [scope, policy] = await Promise.all([this.scopes.forUser(user), this.policies.current()]);
    return { items: await this.enterprises.list(scope, policy) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a firm with its gates (admin); the USCC is checked' })
  create(
    @Body() body: CreateEnterpriseDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Enterprise> {
    return this.admin.create(body, user.id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change credit grade, supervision class, liaison officer or address (admin)',
  })
  update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateEnterpriseDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Enterprise> {
    return this.admin.update(id, body, user.id);
  }

  @Post(':id/positive-list')
  @Roles('admin')
  @ApiOperation({ summary: 'Put the firm on the 正面清单 from a day (admin)' })
  addToPositiveList(
    @Param('id', UuidParam) id: string,
    @Body() body: AddPositiveListDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PositiveListEntry> {
    return this.admin.addToPositiveList(id, body, user.id);
  }

  @Post(':id/positive-list/removal')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'End the firm’s 正面清单 membership on a day, with the reason (admin)' })
  removeFromPositiveList(
    @Param('id', UuidParam) id: string,
    @Body() body: EndPositiveListDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PositiveListEntry> {
    return this.admin.removeFromPositiveList(id, body, user.id);
  }
}

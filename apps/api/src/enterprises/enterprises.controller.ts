import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import { EnterprisesService, type EnterpriseView } from './enterprises.service';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises')
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly scopes: ScopeService,
    private readonly policies: PolicyService,
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
}

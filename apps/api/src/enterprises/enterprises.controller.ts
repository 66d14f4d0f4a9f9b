import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody, ParsedParams } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import { EnterpriseAdminService } from './enterprise-admin.service';
import { EnterprisesService } from './enterprises.service';

@ApiTags('enterprises')
@Controller()
export class EnterprisesController {
  constructor(
    private readonly enterprises: EnterprisesService,
    private readonly scopes: ScopeService,
    private readonly policies: PolicyService,
    private readonly admin: EnterpriseAdminService,
  ) {}

  @Endpoint(ENDPOINTS.listEnterprises)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'listEnterprises'>> {
    const [scope, policy] = await Promise.all([this.scopes.forUser(user), this.policies.current()]);
    return { items: await this.enterprises.list(scope, policy) };
  }

  @Endpoint(ENDPOINTS.createEnterprise)
  create(
    @Body() body: ParsedBody<'createEnterprise'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'createEnterprise'>> {
    return this.admin.create(body, user.id);
  }

  @Endpoint(ENDPOINTS.updateEnterprise)
  update(
    @Param() { id }: ParsedParams<'updateEnterprise'>,
    @Body() body: ParsedBody<'updateEnterprise'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'updateEnterprise'>> {
    return this.admin.update(id, body, user.id);
  }

  @Endpoint(ENDPOINTS.addToPositiveList)
  addToPositiveList(
    @Param() { id }: ParsedParams<'addToPositiveList'>,
    @Body() body: ParsedBody<'addToPositiveList'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'addToPositiveList'>> {
    return this.admin.addToPositiveList(id, body, user.id);
  }

  @Endpoint(ENDPOINTS.removeFromPositiveList)
  removeFromPositiveList(
    @Param() { id }: ParsedParams<'removeFromPositiveList'>,
    @Body() body: ParsedBody<'removeFromPositiveList'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'removeFromPositiveList'>> {
    return this.admin.removeFromPositiveList(id, body, user.id);
  }
}

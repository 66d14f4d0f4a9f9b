import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { ScopeService } from '../scope/scope.service';
import { OfficersService } from './officers.service';

@ApiTags('officers')
@Controller()
export class OfficersController {
  constructor(
    private readonly officers: OfficersService,
    private readonly scopes: ScopeService,
  ) {}

  @Endpoint(ENDPOINTS.listOfficers)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'listOfficers'>> {
    return { items: await this.officers.list(await this.scopes.forUser(user)) };
  }

  @Endpoint(ENDPOINTS.badgeCode)
  badgeCode(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'badgeCode'>> {
    return this.officers.badgeCode(user.id);
  }

  @Endpoint(ENDPOINTS.verifyBadge)
  verify(@Body() body: ParsedBody<'verifyBadge'>): Promise<EndpointResponse<'verifyBadge'>> {
    return this.officers.verifyBadge(body.code);
  }
}

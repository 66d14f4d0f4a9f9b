import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody, ParsedParams } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { UnitsService } from './units.service';

@ApiTags('units')
@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Endpoint(ENDPOINTS.listUnits)
  async list(): Promise<EndpointResponse<'listUnits'>> {
    return { items: await this.units.list() };
  }

  @Endpoint(ENDPOINTS.createUnit)
  create(
    @Body() body: ParsedBody<'createUnit'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'createUnit'>> {
    return this.units.create(body, user.id);
  }

  @Endpoint(ENDPOINTS.updateUnit)
  update(
    @Param() { id }: ParsedParams<'updateUnit'>,
    @Body() body: ParsedBody<'updateUnit'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'updateUnit'>> {
    return this.units.update(id, body, user.id);
  }
}

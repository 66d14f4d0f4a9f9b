import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody, ParsedParams, ParsedQuery } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Endpoint(ENDPOINTS.listUsers)
  list(@Query() query: ParsedQuery<'listUsers'>): Promise<EndpointResponse<'listUsers'>> {
    return this.users.list(query);
  }

  @Endpoint(ENDPOINTS.createUser)
  create(
    @Body() body: ParsedBody<'createUser'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'createUser'>> {
    return this.users.create(body, user.id);
  }

  @Endpoint(ENDPOINTS.getUser)
  get(@Param() { id }: ParsedParams<'getUser'>): Promise<EndpointResponse<'getUser'>> {
    return this.users.get(id);
  }

  @Endpoint(ENDPOINTS.updateUser)
  update(
    @Param() { id }: ParsedParams<'updateUser'>,
    @Body() body: ParsedBody<'updateUser'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'updateUser'>> {
    return this.users.update(id, body, user.id);
  }

  @Endpoint(ENDPOINTS.resetUserPassword)
  resetPassword(
    @Param() { id }: ParsedParams<'resetUserPassword'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'resetUserPassword'>> {
    return this.users.resetPassword(id, user.id);
  }
}

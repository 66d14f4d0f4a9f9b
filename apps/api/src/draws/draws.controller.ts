import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody, ParsedParams, ParsedQuery } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DrawsService } from './draws.service';

@ApiTags('draws')
@Controller()
export class DrawsController {
  constructor(private readonly draws: DrawsService) {}

  @Endpoint(ENDPOINTS.commitDraw)
  commit(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'commitDraw'>,
  ): Promise<EndpointResponse<'commitDraw'>> {
    return this.draws.commit(user, body);
  }

  @Endpoint(ENDPOINTS.revealDraw)
  reveal(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'revealDraw'>,
  ): Promise<EndpointResponse<'revealDraw'>> {
    return this.draws.reveal(user, id);
  }

  @Endpoint(ENDPOINTS.listDraws)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'listDraws'>> {
    return { items: await this.draws.list(user) };
  }

  @Endpoint(ENDPOINTS.drawStatistics)
  statistics(
    @CurrentUser() user: AuthenticatedUser,
    @Query() { year }: ParsedQuery<'drawStatistics'>,
  ): Promise<EndpointResponse<'drawStatistics'>> {
    return this.draws.statistics(user, year);
  }

  @Endpoint(ENDPOINTS.getDraw)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'getDraw'>,
  ): Promise<EndpointResponse<'getDraw'>> {
    return this.draws.get(user, id);
  }

  @Endpoint(ENDPOINTS.myTasks)
  async tasks(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'myTasks'>> {
    return { items: await this.draws.officerTasks(user) };
  }

  @Endpoint(ENDPOINTS.listPublicDraws)
  async publicList(): Promise<EndpointResponse<'listPublicDraws'>> {
    return { items: await this.draws.publicList() };
  }

  @Endpoint(ENDPOINTS.getPublicDraw)
  publicGet(
    @Param() { id }: ParsedParams<'getPublicDraw'>,
  ): Promise<EndpointResponse<'getPublicDraw'>> {
    return this.draws.publicGet(id);
  }

  @Endpoint(ENDPOINTS.publicDrawInputs)
  publicInputs(
    @Param() { id }: ParsedParams<'publicDrawInputs'>,
  ): Promise<EndpointResponse<'publicDrawInputs'>> {
    return this.draws.publicInputs(id);
  }
}

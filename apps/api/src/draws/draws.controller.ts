import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DrawStatistics, DrawTaskView, DrawView, PublicDrawView } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Public } from '../common/public.decorator';
import { DrawDto, DrawStatisticsQuery } from './draws.dto';
import { DrawsService } from './draws.service';
import { UuidParam } from '../common/uuid-param';

@ApiTags('draws')
@ApiBearerAuth()
@Controller('v1')
export class DrawsController {
  constructor(private readonly draws: DrawsService) {}

  @Post('draws')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: '双随机: define and commit a draw (pool snapshot hash and seed commitment published)',
  })
  commit(@CurrentUser() user: AuthenticatedUser, @Body() body: DrawDto): Promise<DrawView> {
    return this.draws.commit(user, body);
  }

  @Post('draws/:id/reveal')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Reveal the seed and make the tasks (once)' })
  reveal(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<DrawView> {
    return this.draws.reveal(user, id);
  }

  @Get('draws')
  @Roles('supervisor', 'admin')
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: PublicDrawView[] }> {
    return { items: await this.draws.list(user) };
  }

  @Get('draws/statistics')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Realised draw rate per credit grade against the intended rate' })
  statistics(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DrawStatisticsQuery,
  ): Promise<DrawStatistics> {
    return this.draws.statistics(user, query.year);
  }

  @Get('draws/:id')
  @Roles('supervisor', 'admin')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<DrawView> {
    return this.draws.get(user, id);
  }

  @Get('officers/me/tasks')
  @Roles('officer')
  @ApiOperation({ summary: 'The officer’s drawn tasks whose period has not ended' })
  async tasks(@CurrentUser() user: AuthenticatedUser): Promise<{ items: DrawTaskView[] }> {
    return { items: await this.draws.officerTasks(user) };
  }

  @Public()
  @Get('public/draws')
  @ApiOperation({
    summary: '一公开: every draw, its commitment, seed and results (no personal data)',
  })
  async publicList(): Promise<{ items: PublicDrawView[] }> {
    return { items: await this.draws.publicList() };
  }

  @Public()
  @Get('public/draws/:id')
  publicGet(@Param('id', UuidParam) id: string): Promise<PublicDrawView> {
    return this.draws.publicGet(id);
  }

  @Public()
  @Get('public/draws/:id/inputs')
  @ApiOperation({ summary: 'The inputs (and, once revealed, the seed) to re-run the draw' })
  publicInputs(@Param('id', UuidParam) id: string) {
    return this.draws.publicInputs(id);
  }
}

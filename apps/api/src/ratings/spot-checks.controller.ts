import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SpotCheckView } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SpotCheckDto, SpotCheckResultDto } from './ratings.dto';
import { SpotChecksService } from './spot-checks.service';
import { UuidParam } from '../common/uuid-param';

@ApiTags('rating-spot-checks')
@ApiBearerAuth()
@Controller('v1/rating-spot-checks')
export class SpotChecksController {
  constructor(private readonly spotChecks: SpotChecksService) {}

  @Post()
  @Roles('supervisor')
  @ApiOperation({
    summary: '抽查: draw a month’s ratings of the jurisdiction with a fresh published seed',
  })
  draw(@CurrentUser() user: AuthenticatedUser, @Body() body: SpotCheckDto): Promise<SpotCheckView> {
    return this.spotChecks.draw(user, body);
  }

  @Get()
  @Roles('supervisor', 'admin')
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: SpotCheckView[] }> {
    return { items: await this.spotChecks.list(user) };
  }

  @Get(':id')
  @Roles('supervisor', 'admin')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<SpotCheckView> {
    return this.spotChecks.get(user, id);
  }

  @Post(':id/items/:ratingId')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Record what the phone call about a drawn rating found' })
  record(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
    @Param('ratingId', UuidParam) ratingId: string,
    @Body() body: SpotCheckResultDto,
  ): Promise<SpotCheckView> {
    return this.spotChecks.record(user, id, ratingId, body);
  }
}

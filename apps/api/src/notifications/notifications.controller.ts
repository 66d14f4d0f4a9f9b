import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import type { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { UuidParam } from '../common/uuid-param';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s own notifications, newest first (e.g. an officer at the gate)',
  })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: Notification[] }> {
    return { items: await this.notifications.listFor(user.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read' })
  async read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id))) throw new DomainException('NOT_FOUND');
  }
}

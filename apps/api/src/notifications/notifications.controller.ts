import { Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedParams } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Endpoint(ENDPOINTS.listNotifications)
  async list(
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'listNotifications'>> {
    const items = await this.notifications.listFor(user.id);
    return {
      items: items.map((n) => ({
        id: n.id,
        userId: n.userId,
        kind: n.kind,
        payload: n.payload,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
    };
  }

  @Endpoint(ENDPOINTS.markNotificationRead)
  async read(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'markNotificationRead'>,
  ): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id))) throw new DomainException('NOT_FOUND');
  }
}

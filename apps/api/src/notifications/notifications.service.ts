import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import { NotificationsRepository, type NotificationRow } from './notifications.repository';

@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Notifies every user of a firm, inside the caller's transaction (双向监督). */
  async notifyFirm(
    tx: Tx,
    enterpriseId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.notifications.addForFirmUsers(enterpriseId, kind, payload, tx);
  }

  listFor(userId: string, limit = 50): Promise<NotificationRow[]> {
    return this.notifications.latestOf(userId, limit);
  }

  markRead(userId: string, id: string): Promise<boolean> {
    return this.notifications.markRead(userId, id, new Date());
  }
}

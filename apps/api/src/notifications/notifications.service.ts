import { Injectable } from '@nestjs/common';
import { asTx, type Tx } from '../database/transactions';
import { NotificationsRepository, type NotificationRow } from './notifications.repository';

/** The caller's transaction as the check-in still passes it (an EntityManager), until it holds a Tx. */
type LegacyManager = Parameters<typeof asTx>[0];

@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Notifies every user of a firm, inside the caller's transaction (双向监督). */
  async notifyFirm(
    tx: Tx | LegacyManager,
    enterpriseId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    // A Tx is the transaction's manager itself (database/transactions.ts): either stands for it.
    await this.notifications.addForFirmUsers(enterpriseId, kind, payload, tx as Tx);
  }

  listFor(userId: string, limit = 50): Promise<NotificationRow[]> {
    return this.notifications.latestOf(userId, limit);
  }

  markRead(userId: string, id: string): Promise<boolean> {
    return this.notifications.markRead(userId, id, new Date());
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EnterpriseMember } from '../enterprises/enterprise-member.entity';
import { Notification } from './notification.entity';

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Notifies every user of a firm, inside the caller's transaction (双向监督). */
  async notifyFirm(
    manager: EntityManager,
    enterpriseId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const members = await manager.getRepository(EnterpriseMember).findBy({ enterpriseId });
    if (members.length === 0) return;
    const rows = members.map((m) => ({ userId: m.userId, kind, payload }));
    await manager.insert(Notification, rows as QueryDeepPartialEntity<Notification>[]);
  }

  listFor(userId: string, limit = 50): Promise<Notification[]> {
    return this.dataSource
      .getRepository(Notification)
      .find({ where: { userId }, order: { createdAt: 'DESC' }, take: limit });
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ id, userId }, { readAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';

/** A notification as listed to its user. */
export interface NotificationRow {
  id: string;
  userId: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** notification: a user's in-app notifications. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One notification to every user of a firm, in one statement (the firm's users are read from
   * enterprise_member in the same INSERT … SELECT).
   */
  async addForFirmUsers(
    enterpriseId: string,
    kind: string,
    payload: Record<string, unknown>,
    tx?: Tx,
  ): Promise<void> {
    await sqlOf(this.dataSource, tx).query(
      `INSERT INTO notification (user_id, kind, payload)
       SELECT m.user_id, $2, $3::jsonb FROM enterprise_member m WHERE m.enterprise_id = $1`,
      [enterpriseId, kind, JSON.stringify(payload)],
    );
  }

  /** A user's latest notifications, newest first. */
  latestOf(userId: string, limit: number, tx?: Tx): Promise<NotificationRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT id, user_id AS "userId", kind, payload, created_at AS "createdAt",
              read_at AS "readAt"
         FROM notification WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [userId, limit],
    );
  }

  /** Marks a notification of the user read; false when the user has no such notification. */
  async markRead(userId: string, id: string, at: Date, tx?: Tx): Promise<boolean> {
    // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count], not its rows.
    const [{ marked }]: { marked: number }[] = await sqlOf(this.dataSource, tx).query(
      `WITH marked AS (
         UPDATE notification SET read_at = $3 WHERE id = $1 AND user_id = $2 RETURNING 1)
       SELECT count(*)::int AS marked FROM marked`,
      [id, userId, at],
    );
    return marked > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { DataSource } from 'typeorm';
import { pageWindow, type Page, type PageQuery } from '../common/pagination.js';
import { Problem } from '../common/problem.js';
import type { MessageKind, MessageParams } from './templates.js';

export interface NotificationRecord {
  id: string;
  dossierId: string | null;
  kind: MessageKind;
  params: MessageParams;
  createdAt: Date;
  readAt: Date | null;
}

/** A user's in-app notifications. Every method is scoped to `userId`: nobody reads another's. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: DataSource) {}

  /** Newest first, with the number still unread. */
  async list(userId: string, query: PageQuery): Promise<Page<NotificationRecord> & { unread: number }> {
    const { page, pageSize, skip } = pageWindow(query);
    const [items, [counts]] = await Promise.all([
      this.db.query(
        `SELECT id, dossier_id AS "dossierId", kind, params, created_at AS "createdAt", read_at AS "readAt"
           FROM notification WHERE user_id = $1
          ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [userId, pageSize, skip],
      ) as Promise<NotificationRecord[]>,
      this.db.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notification WHERE user_id = $1`,
        [userId],
      ) as Promise<{ total: number; unread: number }[]>,
    ]);
    return { items, total: counts.total, unread: counts.unread, page, pageSize };
  }

  /** For the header of every signed-in page: one indexed count. */
  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId])) as {
      n: number;
    }[];
    return row.n;
  }

  /** Marks one as read (again: no change); another user's, or no such id, is 404. */
  async markRead(userId: string, id: string): Promise<{ id: string; readAt: Date }> {
    if (!isUuid(id)) throw Problem.notFound('notification.notFound');
    const [rows] = (await this.db.query(
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, read_at AS "readAt"`,
      [id, userId],
    )) as [{ id: string; readAt: Date }[], number];
    if (!rows[0]) throw Problem.notFound('notification.notFound');
    return rows[0];
  }

  async markAllRead(userId: string): Promise<{ marked: number }> {
    const [, marked] = (await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ])) as [unknown, number];
    return { marked };
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext, type Page } from '@platform/database';
import { IsNull } from 'typeorm';

import { Notification } from './notification.entity';

/** The only database access of in-app notifications. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** One row per recipient. */
  async insertFor(recipientIds: string[], n: Pick<Notification, 'kind' | 'reference' | 'title' | 'link'>): Promise<void> {
    if (!recipientIds.length) return;
    const repo = this.db.repository(Notification);
    await repo.insert(recipientIds.map((recipientId) => repo.create({ ...n, recipientId })));
  }

  /** Rewrites the recipients' notifications that lead to `link`. */
  async rewrite(recipientIds: string[], link: string, n: Pick<Notification, 'kind' | 'title' | 'link'>): Promise<void> {
    if (!recipientIds.length) return;
    await this.db.manager.query(
      `UPDATE notification SET kind = $3, title = $4, link = $5 WHERE link = $1 AND recipient_id = ANY($2::uuid[])`,
      [link, recipientIds, n.kind, n.title, n.link],
    );
  }

  async page(recipientId: string, limit: number, offset: number): Promise<Page<Notification>> {
    const [items, total] = await this.db
      .repository(Notification)
      .findAndCount({ where: { recipientId }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  findOwn(recipientId: string, id: string): Promise<Notification | null> {
    return this.db.repository(Notification).findOneBy({ recipientId, id });
  }

  /** Unread counts of these recipients in one query (those with none are left out). */
  async unreadCounts(recipientIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ id: string; n: number }> = recipientIds.length
      ? await this.db.manager.query(
          `SELECT recipient_id AS id, count(*)::int AS n FROM notification WHERE read_at IS NULL AND recipient_id = ANY($1::uuid[]) GROUP BY 1`,
          [recipientIds],
        )
      : [];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.db.repository(Notification).countBy({ recipientId, readAt: IsNull() });
  }

  /** Marks one (or, without an id, every) unread notification of the recipient read; another's are untouched. */
  async markRead(recipientId: string, id?: string): Promise<number> {
    const result = await this.db
      .repository(Notification)
      .update({ recipientId, readAt: IsNull(), ...(id ? { id } : {}) }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }
}

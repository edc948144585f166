import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In, IsNull, LessThanOrEqual } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { Notice, type NoticeStatus } from './notice.entity';
import { NoticeRecipient } from './notice-recipient.entity';
import { NoticeReminder } from './notice-reminder.entity';
import type { NoticeKind } from './rules/notice-input';

/** The only database access of the notices context. */
@Injectable()
export class NoticeRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(fields: Partial<Notice>): Promise<Notice> {
    return this.db.repository(Notice).save(this.db.repository(Notice).create(fields));
  }

  find(id: string): Promise<Notice | null> {
    return this.db.repository(Notice).findOneBy({ id });
  }

  findBySource(source: string): Promise<Notice | null> {
    return this.db.repository(Notice).findOneBy({ source });
  }

  /** Locks the notice for the rest of the transaction: sends, schedules and withdrawals of one notice run one at a time. */
  lock(id: string): Promise<Notice | null> {
    return this.db.repository(Notice).createQueryBuilder('n').setLock('pessimistic_write').where('n.id = :id', { id }).getOne();
  }

  async update(id: string, changes: QueryDeepPartialEntity<Notice>): Promise<void> {
    await this.db.repository(Notice).update({ id }, changes);
  }

  async page(filter: { status?: NoticeStatus; limit: number; offset: number }): Promise<{ items: Notice[]; total: number }> {
    const [items, total] = await this.db.repository(Notice).findAndCount({
      where: filter.status ? { status: filter.status } : {},
      order: { createdAt: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  /**
   * The `limit` most recently sent notices with how many consumers they reached and how many of
   * those confirmed "read" and "ready" (a consumer counts once any of its contacts confirmed).
   */
  lastSentAcknowledgements(
    limit: number,
  ): Promise<Array<{ id: string; title: string; kind: NoticeKind; sent_at: Date; consumers: number; read: number; ready: number }>> {
    return this.db.manager.query(
      `SELECT n.id, n.title, n.kind, n.sent_at,
              count(DISTINCT r.consumer_id)::int AS consumers,
              count(DISTINCT r.consumer_id) FILTER (WHERE r.read_at IS NOT NULL)::int AS read,
              count(DISTINCT r.consumer_id) FILTER (WHERE r.ready_at IS NOT NULL)::int AS ready
       FROM notice n JOIN notice_recipient r ON r.notice_id = n.id
       WHERE n.status = 'sent'
       GROUP BY n.id
       ORDER BY n.sent_at DESC, n.id
       LIMIT $1`,
      [limit],
    );
  }

  async dueScheduled(now: Date): Promise<string[]> {
    const rows = await this.db
      .repository(Notice)
      .find({ select: { id: true }, where: { status: 'scheduled', scheduledAt: LessThanOrEqual(now) }, order: { scheduledAt: 'ASC' } });
    return rows.map((r) => r.id);
  }

  /** Sent notices whose effective date lies ahead and that ask for "ready": candidates for reminders. */
  awaitingReadiness(now: Date, kinds: readonly string[]): Promise<Notice[]> {
    return this.db
      .repository(Notice)
      .createQueryBuilder('n')
      .where(`n.status = 'sent'`)
      .andWhere('n.effective_at > :now', { now })
      .andWhere('n.kind IN (:...kinds)', { kinds })
      .getMany();
  }

  async insertRecipients(rows: Array<Partial<NoticeRecipient>>): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await this.db.repository(NoticeRecipient).insert(rows.slice(i, i + 500) as never);
  }

  recipients(noticeId: string): Promise<NoticeRecipient[]> {
    return this.db.repository(NoticeRecipient).find({ where: { noticeId }, order: { consumerName: 'ASC', email: 'ASC' } });
  }

  recipientsOfConsumer(consumerId: string): Promise<NoticeRecipient[]> {
    return this.db.repository(NoticeRecipient).find({ where: { consumerId }, order: { createdAt: 'DESC' } });
  }

  /** Consumers' recipients of one notice: their contacts the notice went to, in id order. */
  recipientsOfConsumersFor(noticeId: string, consumerIds: string[]): Promise<NoticeRecipient[]> {
    return this.db.repository(NoticeRecipient).find({ where: { noticeId, consumerId: In(consumerIds) }, order: { id: 'ASC' } });
  }

  findNotices(ids: string[]): Promise<Notice[]> {
    return ids.length ? this.db.repository(Notice).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** The recipients whose e-mail's link carries this token hash: one per consumer the address answers for, in id order. */
  recipientsByToken(tokenHash: string): Promise<NoticeRecipient[]> {
    return this.db.repository(NoticeRecipient).find({ where: { tokenHash }, order: { id: 'ASC' } });
  }

  lockRecipient(id: string): Promise<NoticeRecipient | null> {
    return this.db.repository(NoticeRecipient).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  async updateRecipient(id: string, changes: QueryDeepPartialEntity<NoticeRecipient>): Promise<void> {
    await this.db.repository(NoticeRecipient).update({ id }, changes);
  }

  /** Recipients of the notice not yet ready, with the lead times they were already reminded of, in id order. */
  async notReady(noticeId: string): Promise<Array<{ recipient: NoticeRecipient; reminded: number[] }>> {
    const open = await this.db.repository(NoticeRecipient).find({ where: { noticeId, readyAt: IsNull() }, order: { id: 'ASC' } });
    const reminders = await this.reminders(noticeId);
    return open.map((recipient) => ({
      recipient,
      reminded: reminders.filter((m) => m.recipientId === recipient.id).map((m) => m.daysBefore),
    }));
  }

  /** Records a reminder; false when this one was recorded already (by another worker). */
  async insertReminderOnce(fields: Omit<NoticeReminder, 'id' | 'sentAt' | 'notice'>): Promise<boolean> {
    const result = await this.db
      .repository(NoticeReminder)
      .createQueryBuilder()
      .insert()
      .values(fields)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  reminders(noticeId: string): Promise<NoticeReminder[]> {
    return this.db.repository(NoticeReminder).find({ where: { noticeId }, order: { sentAt: 'DESC' } });
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

export type NewOutboxMessage = Pick<
  OutboxMessage,
  'messageId' | 'dedupeKey' | 'template' | 'to' | 'subject' | 'html' | 'text' | 'inReplyTo' | 'references' | 'relatedType' | 'relatedId'
>;

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Inserts unless a message with the same dedupe key exists; returns the stored Message-ID. */
  async insertOnce(message: NewOutboxMessage): Promise<{ messageId: string; created: boolean }> {
    const inserted: Array<{ message_id: string }> = await this.db.manager.query(
      `INSERT INTO outbox_message (message_id, dedupe_key, template, to_addresses, subject, html, text, in_reply_to, "references", related_type, related_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING message_id`,
      [
        message.messageId,
        message.dedupeKey,
        message.template,
        message.to,
        message.subject,
        message.html,
        message.text,
        message.inReplyTo,
        message.references,
        message.relatedType,
        message.relatedId,
      ],
    );
    if (inserted.length) return { messageId: inserted[0].message_id, created: true };
    const existing = await this.db.repository(OutboxMessage).findOneByOrFail({ dedupeKey: message.dedupeKey });
    return { messageId: existing.messageId, created: false };
  }

  /** Claims due rows (and rows whose worker died) so no two workers send one row at once. */
  async claimDue(workerId: string, limit: number, claimTimeoutMs: number): Promise<OutboxMessage[]> {
    // UPDATE … RETURNING comes back from manager.query as [rows, affected count].
    const [rows]: [Array<{ id: string }>, number] = await this.db.manager.query(
      `UPDATE outbox_message SET status = 'sending', claimed_at = now(), claimed_by = $1, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox_message
         WHERE (status = 'pending' AND next_attempt_at <= now())
            OR (status = 'sending' AND claimed_at < now() - ($3::int * interval '1 millisecond'))
         ORDER BY next_attempt_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [workerId, limit, claimTimeoutMs],
    );
    if (!rows.length) return [];
    return this.db
      .repository(OutboxMessage)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('m.created_at')
      .getMany();
  }

  async markSent(id: string, workerId: string, transport: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE outbox_message SET status = 'sent', sent_at = now(), transport = $3, last_error = NULL, claimed_at = NULL
       WHERE id = $1 AND claimed_by = $2 AND status = 'sending'`,
      [id, workerId, transport],
    );
  }

  async markFailedAttempt(id: string, workerId: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    const status: OutboxStatus = nextAttemptAt ? 'pending' : 'failed';
    await this.db.manager.query(
      `UPDATE outbox_message SET status = $3, last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), claimed_at = NULL
       WHERE id = $1 AND claimed_by = $2 AND status = 'sending'`,
      [id, workerId, status, error.slice(0, 2000), nextAttemptAt],
    );
  }

  /** Puts a failed message back in the queue; returns it as it was, or null when it had not failed. */
  async retryNow(id: string): Promise<Pick<OutboxMessage, 'template' | 'attempts' | 'lastError'> | null> {
    const [rows]: [Array<{ template: string; attempts: number; last_error: string | null }>, number] = await this.db.manager.query(
      `UPDATE outbox_message SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND status = 'failed'
       RETURNING template, attempts, last_error`,
      [id],
    );
    const row = rows[0];
    return row ? { template: row.template, attempts: row.attempts, lastError: row.last_error } : null;
  }

  list(filter: { status?: OutboxStatus; relatedType?: string; relatedId?: string; limit?: number }): Promise<OutboxMessage[]> {
    const q = this.db
      .repository(OutboxMessage)
      .createQueryBuilder('m')
      .orderBy('m.created_at', 'DESC')
      .limit(Math.min(filter.limit ?? 100, 500));
    if (filter.status) q.andWhere('m.status = :status', { status: filter.status });
    if (filter.relatedType) q.andWhere('m.related_type = :rt', { rt: filter.relatedType });
    if (filter.relatedId) q.andWhere('m.related_id = :rid', { rid: filter.relatedId });
    return q.getMany();
  }

  /** Message-ID → status, for those of these messages that exist (only the two columns are read). */
  async statusOf(messageIds: string[]): Promise<Map<string, OutboxStatus>> {
    if (!messageIds.length) return new Map();
    const rows: Array<{ message_id: string; status: OutboxStatus }> = await this.db.manager.query(
      'SELECT message_id, status FROM outbox_message WHERE message_id = ANY($1::text[])',
      [messageIds],
    );
    return new Map(rows.map((r) => [r.message_id, r.status]));
  }

  findById(id: string): Promise<OutboxMessage | null> {
    return this.db.repository(OutboxMessage).findOneBy({ id });
  }

  findByDedupeKey(dedupeKey: string): Promise<OutboxMessage | null> {
    return this.db.repository(OutboxMessage).findOneBy({ dedupeKey });
  }
}

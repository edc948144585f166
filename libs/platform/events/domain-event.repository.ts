import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { DomainEvent } from './domain-event.entity';

/** The only database access of the domain-event table. */
@Injectable()
export class DomainEventRepository {
  constructor(private readonly db: DatabaseContext) {}

  async insert(type: string, payload: Record<string, unknown>): Promise<string> {
    const row = await this.db.repository(DomainEvent).save(this.db.repository(DomainEvent).create({ type, payload }));
    return row.id;
  }

  /** Claims due rows (and rows whose worker died) so no two workers handle one event at once. */
  async claimDue(workerId: string, limit: number, claimTimeoutMs: number): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.manager.query(
      `UPDATE domain_event SET status = 'processing', claimed_at = now(), claimed_by = $1, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM domain_event
         WHERE (status = 'pending' AND next_attempt_at <= now())
            OR (status = 'processing' AND claimed_at < now() - ($3::int * interval '1 millisecond'))
         ORDER BY created_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [workerId, limit, claimTimeoutMs],
    );
    return rows.map((r) => r.id);
  }

  /** The claimed row, locked for the handlers' transaction; null when another worker took it over since. */
  lockClaimed(id: string, workerId: string): Promise<DomainEvent | null> {
    return this.db
      .repository(DomainEvent)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id AND e.claimed_by = :workerId AND e.status = :status', { id, workerId, status: 'processing' })
      .getOne();
  }

  async markDone(id: string): Promise<void> {
    await this.db.repository(DomainEvent).update({ id }, { status: 'done', processedAt: new Date(), claimedAt: null, lastError: null });
  }

  async markFailed(id: string, workerId: string, error: string, retryAt: Date | null): Promise<void> {
    await this.db.manager.query(
      `UPDATE domain_event SET status = $3, last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), claimed_at = NULL
       WHERE id = $1 AND claimed_by = $2 AND status = 'processing'`,
      [id, workerId, retryAt ? 'pending' : 'failed', error.slice(0, 2000), retryAt],
    );
  }

  find(id: string): Promise<DomainEvent | null> {
    return this.db.repository(DomainEvent).findOneBy({ id });
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext, orderOf, type Page, type PageRequest, pageWindow } from '@platform/database';

import { DomainEvent, type DomainEventStatus } from './domain-event.entity';

export type DomainEventSort = 'created' | 'type' | 'status' | 'attempts';

const EVENT_ORDER: Record<DomainEventSort, string> = {
  created: 'e.createdAt',
  type: 'e.type',
  status: 'e.status',
  attempts: 'e.attempts',
};

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

  async page(filter: { status?: DomainEventStatus }, req: PageRequest<DomainEventSort>): Promise<Page<DomainEvent>> {
    const { limit, offset } = pageWindow(req, 50);
    const order = orderOf(EVENT_ORDER, req, { sort: 'created', direction: 'desc' });
    const q = this.db
      .repository(DomainEvent)
      .createQueryBuilder('e')
      .orderBy(order.expression, order.direction)
      .addOrderBy('e.id', 'ASC')
      .limit(limit)
      .offset(offset);
    if (filter.status) q.andWhere('e.status = :status', { status: filter.status });
    const [items, total] = await q.getManyAndCount();
    return { items, total };
  }

  async counts(): Promise<Record<DomainEventStatus, number>> {
    const rows: Array<{ status: DomainEventStatus; n: number }> = await this.db.manager.query(
      'SELECT status, count(*)::int AS n FROM domain_event GROUP BY status',
    );
    const counts: Record<DomainEventStatus, number> = { pending: 0, processing: 0, done: 0, failed: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  /** A failed event back in the queue, due now; it keeps its attempts, so one more failure gives up again. */
  async retryNow(id: string): Promise<Pick<DomainEvent, 'type' | 'attempts' | 'lastError'> | null> {
    const [rows]: [Array<{ type: string; attempts: number; last_error: string | null }>, number] = await this.db.manager.query(
      `UPDATE domain_event SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND status = 'failed'
       RETURNING type, attempts, last_error`,
      [id],
    );
    const row = rows[0];
    return row ? { type: row.type, attempts: row.attempts, lastError: row.last_error } : null;
  }

  find(id: string): Promise<DomainEvent | null> {
    return this.db.repository(DomainEvent).findOneBy({ id });
  }
}

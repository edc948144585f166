import { Injectable } from '@nestjs/common';
import { DatabaseContext, StatementBatch } from '@platform/database';

import { IdempotencyRecord } from './idempotency-record.entity';

/** How long a request waits for another one holding the same key before it is told to retry. */
const CLAIM_WAIT = '5s';

export type IdempotencyClaim = { kind: 'claimed' } | { kind: 'answered'; record: IdempotentAnswer } | { kind: 'busy' };

/** A stored answer under a key. */
export type IdempotentAnswer = Pick<IdempotencyRecord, 'requestHash' | 'responseStatus' | 'responseBody'>;

/**
 * The key was taken while intake ran (another request under it committed first, or holds it):
 * nothing of this request was stored, and its answer is the stored one, once there. `answered`
 * is that answer when the claim read it already.
 */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly answered: IdempotentAnswer | null = null) {
    super('the Idempotency-Key was taken by another request');
  }
}

interface KeyOfConsumer {
  consumerId: string;
  key: string;
}

/** As many look-ups as a burst's turn brings (see StatementBatch). */
const LOOKUPS_PER_STATEMENT = 16;

/** Idempotency-Key bookkeeping of report intake. */
@Injectable()
export class IdempotencyRecordRepository {
  /** Made at start, so that no request's context goes with a batch (see StatementBatch). */
  private readonly lookups = new StatementBatch<KeyOfConsumer, IdempotentAnswer | null>(
    (asked) => this.db.detached(() => this.lookUp(asked)),
    async (one) => (await this.db.detached(() => this.lookUp([one])))[0],
    LOOKUPS_PER_STATEMENT,
  );

  constructor(private readonly db: DatabaseContext) {}

  /**
   * Claims the key in the current transaction, in one statement (`claim_idempotency_key`): it
   * takes the key's lock (`idempotency_key_lock`, which the statement storing a report with its
   * key tries too), then inserts the claim, an uncommitted row. A request under the same key waits
   * on either (at most CLAIM_WAIT, then it is busy); both vanish with the transaction when the
   * request fails or its process dies, so a retry after a crash runs at once.
   */
  async claim(consumerId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    if (!this.db.inTransaction) throw new Error('an idempotency claim needs a transaction');
    const [row]: Array<{ outcome: 'claimed' | 'answered' | 'busy'; stored_hash: string; stored_status: number; stored_body: unknown }> =
      await this.db.manager.query(`SELECT * FROM claim_idempotency_key($1, $2, $3, $4)`, [consumerId, key, requestHash, CLAIM_WAIT]);
    if (row.outcome !== 'answered') return { kind: row.outcome };
    return { kind: 'answered', record: { requestHash: row.stored_hash, responseStatus: row.stored_status, responseBody: row.stored_body } };
  }

  /**
   * The committed answer under the key, if any (a claim still in flight is not seen). Outside a
   * transaction, the look-ups of concurrent requests made in the same turn share one statement.
   */
  async find(consumerId: string, key: string): Promise<IdempotentAnswer | null> {
    if (this.db.inTransaction) return (await this.lookUp([{ consumerId, key }]))[0];
    return this.lookups.submit({ consumerId, key });
  }

  private async lookUp(asked: KeyOfConsumer[]): Promise<Array<IdempotentAnswer | null>> {
    const rows: Array<{ i: number; request_hash: string; response_status: number; response_body: unknown }> = await this.db.manager.query(
      `SELECT q.i::int AS i, r.request_hash, r.response_status, r.response_body
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS q(consumer_id, key, i)
       JOIN idempotency_record r ON r.consumer_id = q.consumer_id AND r.key = q.key`,
      [asked.map((a) => a.consumerId), asked.map((a) => a.key)],
    );
    const found = new Map(
      rows.map((r) => [r.i - 1, { requestHash: r.request_hash, responseStatus: r.response_status, responseBody: r.response_body }]),
    );
    return asked.map((_, i) => found.get(i) ?? null);
  }

  async complete(consumerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.repository(IdempotencyRecord).update({ consumerId, key }, { responseStatus: status, responseBody: body as never });
  }

  async purge(olderThan: Date): Promise<number> {
    const r = await this.db.manager.query(`DELETE FROM idempotency_record WHERE created_at < $1`, [olderThan]);
    return Array.isArray(r) ? Number(r[1] ?? 0) : 0;
  }
}

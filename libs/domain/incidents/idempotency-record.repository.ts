import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IdempotencyRecord } from './idempotency-record.entity';

/** How long a request waits for another one holding the same key before it is told to retry. */
const CLAIM_WAIT = '5s';
const LOCK_NOT_AVAILABLE = '55P03';

export type IdempotencyClaim = { kind: 'claimed' } | { kind: 'answered'; record: IdempotencyRecord } | { kind: 'busy' };

/** Idempotency-Key bookkeeping of report intake. */
@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Claims the key in the current transaction. The claim is an uncommitted row: a request under
   * the same key waits on it, and it vanishes with the transaction when the request fails or its
   * process dies, so a retry after a crash runs at once.
   */
  async claim(consumerId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    if (!this.db.inTransaction) throw new Error('an idempotency claim needs a transaction');
    await this.db.manager.query(`SET LOCAL lock_timeout = '${CLAIM_WAIT}'`);
    let rows: unknown[];
    try {
      rows = await this.db.manager.query(
        `INSERT INTO idempotency_record (consumer_id, key, request_hash, response_status, response_body)
         VALUES ($1, $2, $3, 0, 'null') ON CONFLICT (consumer_id, key) DO NOTHING RETURNING key`,
        [consumerId, key, requestHash],
      );
    } catch (e) {
      if ((e as { code?: string }).code === LOCK_NOT_AVAILABLE) return { kind: 'busy' };
      throw e;
    }
    await this.db.manager.query(`SET LOCAL lock_timeout = DEFAULT`);
    if (rows.length) return { kind: 'claimed' };
    return { kind: 'answered', record: await this.db.repository(IdempotencyRecord).findOneByOrFail({ consumerId, key }) };
  }

  async complete(consumerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.repository(IdempotencyRecord).update({ consumerId, key }, { responseStatus: status, responseBody: body as never });
  }

  async purge(olderThan: Date): Promise<number> {
    const r = await this.db.manager.query(`DELETE FROM idempotency_record WHERE created_at < $1`, [olderThan]);
    return Array.isArray(r) ? Number(r[1] ?? 0) : 0;
  }
}

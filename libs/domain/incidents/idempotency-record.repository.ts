import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IdempotencyRecord } from './idempotency-record.entity';

/** How long a request waits for another one holding the same key before it is told to retry. */
const CLAIM_WAIT = '5s';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'answered'; record: Pick<IdempotencyRecord, 'requestHash' | 'responseStatus' | 'responseBody'> }
  | { kind: 'busy' };

/** Idempotency-Key bookkeeping of report intake. */
@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly db: DatabaseContext) {}

  /**
   * Claims the key in the current transaction, in one statement (`claim_idempotency_key`). The
   * claim is an uncommitted row: a request under the same key waits on it (at most CLAIM_WAIT,
   * then it is busy), and it vanishes with the transaction when the request fails or its process
   * dies, so a retry after a crash runs at once.
   */
  async claim(consumerId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    if (!this.db.inTransaction) throw new Error('an idempotency claim needs a transaction');
    const [row]: Array<{ outcome: 'claimed' | 'answered' | 'busy'; stored_hash: string; stored_status: number; stored_body: unknown }> =
      await this.db.manager.query(`SELECT * FROM claim_idempotency_key($1, $2, $3, $4)`, [consumerId, key, requestHash, CLAIM_WAIT]);
    if (row.outcome !== 'answered') return { kind: row.outcome };
    return { kind: 'answered', record: { requestHash: row.stored_hash, responseStatus: row.stored_status, responseBody: row.stored_body } };
  }

  async complete(consumerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.repository(IdempotencyRecord).update({ consumerId, key }, { responseStatus: status, responseBody: body as never });
  }

  async purge(olderThan: Date): Promise<number> {
    const r = await this.db.manager.query(`DELETE FROM idempotency_record WHERE created_at < $1`, [olderThan]);
    return Array.isArray(r) ? Number(r[1] ?? 0) : 0;
  }
}

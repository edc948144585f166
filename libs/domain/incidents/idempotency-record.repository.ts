import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IdempotencyRecord } from './idempotency-record.entity';

/** Idempotency-Key bookkeeping of report intake. */
@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Claims the key for this request; returns the existing record when the key was used before. */
  async claim(consumerId: string, key: string, requestHash: string): Promise<IdempotencyRecord | null> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO idempotency_record (consumer_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (consumer_id, key) DO NOTHING RETURNING key`,
      [consumerId, key, requestHash],
    );
    if (rows.length) return null;
    return this.db.repository(IdempotencyRecord).findOneBy({ consumerId, key });
  }

  async complete(consumerId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db
      .repository(IdempotencyRecord)
      .update({ consumerId, key }, { state: 'done', responseStatus: status, responseBody: body as never });
  }

  async release(consumerId: string, key: string): Promise<void> {
    await this.db.repository(IdempotencyRecord).delete({ consumerId, key, state: 'in-flight' });
  }

  async purge(olderThan: Date): Promise<number> {
    const r = await this.db.manager.query(`DELETE FROM idempotency_record WHERE created_at < $1`, [olderThan]);
    return Array.isArray(r) ? Number(r[1] ?? 0) : 0;
  }
}

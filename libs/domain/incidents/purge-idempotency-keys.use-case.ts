import { Injectable } from '@nestjs/common';

import { IdempotencyRecordRepository } from './idempotency-record.repository';

/** Idempotency keys are honoured for at least this long (the IETF draft suggests 24 h). */
export const IDEMPOTENCY_RETENTION_MS = 48 * 3_600_000;

@Injectable()
export class PurgeIdempotencyKeys {
  constructor(private readonly idempotency: IdempotencyRecordRepository) {}

  execute(now = new Date()): Promise<number> {
    return this.idempotency.purge(new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS));
  }
}

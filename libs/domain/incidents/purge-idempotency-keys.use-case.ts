import { Injectable } from '@nestjs/common';

import { IncidentsRepository } from './incidents.repository';

/** Idempotency keys are honoured for at least this long (the IETF draft suggests 24 h). */
export const IDEMPOTENCY_RETENTION_MS = 48 * 3_600_000;

@Injectable()
export class PurgeIdempotencyKeys {
  constructor(private readonly incidents: IncidentsRepository) {}

  execute(now = new Date()): Promise<number> {
    return this.incidents.purgeIdempotencyKeys(new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS));
  }
}

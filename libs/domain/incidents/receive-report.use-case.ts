import { createHash } from 'node:crypto';

import { actorOf, type Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import stableStringify from 'safe-stable-stringify';

import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { IdempotencyKeyReused, IdempotentRequestInFlight } from './incidents.exceptions';
import { KnownIncidents } from './known-incidents.use-case';
import { ReportChannel } from './report.entity';
import { ReportInput, ReportReceipt } from './report-input';
import { SubmitReport } from './submit-report.use-case';

export interface ReceiveOptions {
  idempotencyKey?: string;
  /** The request body as sent, to tell a retry from a different request under the same key. */
  fingerprint: unknown;
  /** Staff registering on behalf of a consumer. */
  onBehalfOf?: { consumerId: string; channel: ReportChannel };
}

/**
 * Live intake through the API or the portal form, with Idempotency-Key semantics: the same key
 * and body give the original answer, another body 422; a retry while the first runs waits for
 * it (409 when it takes too long).
 */
@Injectable()
export class ReceiveReport {
  constructor(
    private readonly db: DatabaseContext,
    private readonly idempotency: IdempotencyRecordRepository,
    private readonly submit: SubmitReport,
    private readonly known: KnownIncidents,
  ) {}

  async execute(caller: Principal, input: ReportInput, options: ReceiveOptions): Promise<ReportReceipt> {
    const consumerId = caller.kind === 'consumer' ? caller.consumerId : options.onBehalfOf?.consumerId;
    if (!consumerId)
      throw new ValidationFailed([{ field: 'consumerId', message: 'is required when staff register a report on behalf of a consumer' }]);
    const channel: ReportChannel =
      caller.kind === 'consumer' ? (caller.via === 'portal-session' ? 'form' : 'api') : (options.onBehalfOf?.channel ?? 'staff');
    // A vendor acting for the municipality is named in the timeline beside it.
    const actorLabel = actorOf(caller).label;
    const vendor = caller.kind === 'consumer' ? (caller.supplier ?? null) : null;
    const run = async (): Promise<{ receipt: ReportReceipt; foldInto: string | null }> => {
      const receivedAt = new Date();
      const { receipt, joined, foldInto } = await this.submit.execute(input, {
        consumerId,
        channel,
        receivedAt,
        history: false,
        actorLabel,
        vendor,
        callerFoldsAfterCommit: true,
      });
      const knownIncident = await this.known.afterIntake(receipt.incidentId, consumerId, input, receivedAt, joined);
      return { receipt: { ...receipt, knownIncident }, foldInto };
    };
    const key = options.idempotencyKey?.trim();
    if (!key) return (await run()).receipt;
    if (key.length > 200) throw new ValidationFailed([{ field: 'Idempotency-Key', message: 'must be at most 200 characters' }]);

    // Canonical form: the same body with its keys in another order is the same request.
    const hash = createHash('sha256')
      .update(stableStringify(options.fingerprint ?? null) ?? 'null')
      .digest('hex');
    // The claim is held until the transaction ends; the report's attachment is folded into its
    // incident after that, so the incident's row is not locked meanwhile.
    let foldInto: string | null = null;
    const receipt = await this.db.transaction(async () => {
      const claim = await this.idempotency.claim(consumerId, key, hash);
      if (claim.kind === 'busy') throw new IdempotentRequestInFlight();
      if (claim.kind === 'answered') {
        if (claim.record.requestHash !== hash) throw new IdempotencyKeyReused();
        return claim.record.responseBody as ReportReceipt;
      }
      const placed = await run();
      await this.idempotency.complete(consumerId, key, 201, placed.receipt);
      foldInto = placed.foldInto;
      return placed.receipt;
    });
    if (foldInto) await this.submit.foldAfterCommit(foldInto);
    return receipt;
  }
}

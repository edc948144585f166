import { actorOf, type Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { idempotencyKeyOf, requestHashOf } from './idempotency-key';
import { IdempotencyKeyTaken, IdempotencyRecordRepository, IdempotentAnswer } from './idempotency-record.repository';
import type { OpenIncidentOnService } from './incident.repository';
import { IdempotencyKeyReused, IdempotentRequestInFlight } from './incidents.exceptions';
import { KnownIncidents } from './known-incidents.use-case';
import { IntakeContext, ReportInput, ReportReceipt } from './report-input';
import { type OnBehalfOf, ReportingConsumer } from './reporting-consumer';
import { SubmitReport } from './submit-report.use-case';

export interface ReceiveOptions {
  idempotencyKey?: string;
  /** The request body as sent, to tell a retry from a different request under the same key. */
  fingerprint: unknown;
  /** Staff registering on behalf of a consumer. */
  onBehalfOf?: OnBehalfOf;
}

/**
 * Live intake through the API or the portal form, with Idempotency-Key semantics: the same key
 * and body give the original answer, another body 422. The key is stored with its answer as the
 * report is stored, so a request that fails or dies leaves the key free; a retry while the first
 * runs is answered with the first one's answer once it is stored (409 when that takes too long).
 */
@Injectable()
export class ReceiveReport {
  constructor(
    private readonly keys: IdempotencyRecordRepository,
    private readonly submit: SubmitReport,
    private readonly known: KnownIncidents,
    private readonly reporter: ReportingConsumer,
  ) {}

  async execute(caller: Principal, input: ReportInput, options: ReceiveOptions): Promise<ReportReceipt> {
    const { consumerId, channel } = await this.reporter.of(caller, options.onBehalfOf);
    const ctx: IntakeContext = {
      consumerId,
      channel,
      receivedAt: new Date(),
      history: false,
      // A vendor acting for the municipality is named in the timeline beside it.
      actorLabel: actorOf(caller).label,
      vendor: caller.kind === 'consumer' ? (caller.supplier ?? null) : null,
    };
    const withKnownIncident = async (receipt: ReportReceipt, joined: OpenIncidentOnService | null): Promise<ReportReceipt> => ({
      ...receipt,
      knownIncident: await this.known.afterIntake(receipt.incidentId, consumerId, input, receipt.receivedAt, joined),
    });

    const key = idempotencyKeyOf(options.idempotencyKey);
    if (!key) {
      const { receipt, joined } = await this.submit.execute(input, ctx);
      return withKnownIncident(receipt, joined);
    }
    const requestHash = requestHashOf(options.fingerprint);
    const stored = await this.keys.find(consumerId, key);
    if (stored) return replay(stored, requestHash);
    try {
      const { answer } = await this.submit.execute(input, { ...ctx, idempotency: { key, requestHash, answer: withKnownIncident } });
      return answer!;
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      // The claim read the answer; a statement that stored nothing did not, and it may not be committed yet.
      const answered = error.answered ?? (await this.keys.find(consumerId, key));
      if (!answered) throw new IdempotentRequestInFlight();
      return replay(answered, requestHash);
    }
  }
}

/** The answer stored under the key, to a request with the same body. */
function replay(stored: IdempotentAnswer, requestHash: string): ReportReceipt {
  if (stored.requestHash !== requestHash) throw new IdempotencyKeyReused();
  return stored.responseBody as ReportReceipt;
}

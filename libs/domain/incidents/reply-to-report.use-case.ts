import { consumerAuthorLabel, type ConsumerPrincipal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { idempotencyKeyOf, requestHashOf } from './idempotency-key';
import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { IncidentRepository } from './incident.repository';
import { IncidentConversation, messageBody } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import type { IncidentMessage } from './incident-message.entity';
import { IncidentMessageRepository } from './incident-message.repository';
import { IdempotencyKeyReused, IdempotentRequestInFlight, ReportNotFound } from './incidents.exceptions';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';

export interface ReplyOptions {
  channel: 'portal' | 'api';
  /**
   * A system's retry of an answer whose reply it did not get is answered with the message stored
   * the first time, not stored twice (the keys are the consumer's, shared with report intake).
   */
  idempotencyKey?: string;
}

/** What a key records of an answer: the message it stored. */
interface StoredReply {
  messageId: string;
}

/**
 * A municipality answers KS about its report, in the portal or from its system through the API:
 * the incident's conversation gets it, its owner hears of it.
 */
@Injectable()
export class ReplyToReport {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: ReportOwnership,
    private readonly reports: ReportRepository,
    private readonly incidents: IncidentRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly conversation: IncidentConversation,
    private readonly keys: IdempotencyRecordRepository,
  ) {}

  async execute(
    caller: ConsumerPrincipal,
    reportId: string,
    input: { body: unknown },
    options: ReplyOptions = { channel: 'portal' },
  ): Promise<IncidentMessage> {
    const { channel } = options;
    const key = idempotencyKeyOf(options.idempotencyKey);
    await requireAccess(this.access, caller, 'report.reply', [reportId]);
    const body = messageBody(input.body);
    const report = await this.reports.find(reportId);
    if (!report) throw new ReportNotFound();
    const author = consumerAuthorLabel(caller);
    const requestHash = requestHashOf({ answerTo: reportId, body: input.body });
    return this.db.transaction(async () => {
      // Locked, so a merge cannot move the incident's messages while this one is being added.
      const incident = (await this.incidents.lockSurvivor(report.incidentId))!;
      if (key) {
        const claim = await this.keys.claim(caller.consumerId, key, requestHash);
        if (claim.kind === 'busy') throw new IdempotentRequestInFlight();
        if (claim.kind === 'answered') {
          if (claim.record.requestHash !== requestHash) throw new IdempotencyKeyReused();
          // Messages are never deleted (a merge moves them), so the stored one is there.
          return (await this.messages.find((claim.record.responseBody as StoredReply).messageId))!;
        }
      }
      const message = await this.messages.insert({
        incidentId: incident.id,
        direction: 'in',
        audience: 'municipalities',
        channel,
        body,
        authorLabel: author,
        consumerIds: [caller.consumerId],
        reportId: report.id,
        recipients: [],
        messageIds: [],
        inboundMessageId: null,
      });
      await this.timeline.record(incident.id, 'message_received', author, {
        audience: 'municipalities',
        from: caller.name,
        channel,
        report: report.reference,
      });
      await this.conversation.notifyOwner(incident, message.id, 'municipality', caller.name);
      if (key) await this.keys.complete(caller.consumerId, key, 201, { messageId: message.id } satisfies StoredReply);
      return message;
    });
  }
}

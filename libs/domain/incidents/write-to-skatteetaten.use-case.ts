import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { EscalationRepository } from './escalation.repository';
import { EscalationThread } from './escalation-thread';
import { IncidentRepository } from './incident.repository';
import { messageBody } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentMessageRepository } from './incident-message.repository';
import { EscalationNotSent, IncidentNotFound } from './incidents.exceptions';
import { INCIDENT_MESSAGE_SKE_MAIL } from './mail/incident-message-ske.mail';

/**
 * Staff answer Skatteetaten in the incident's escalation thread: one e-mail to the thread's
 * addresses, answering within it (`EscalationThread`), through the outbox in the same transaction
 * as the conversation entry.
 */
@Injectable()
export class WriteToSkatteetaten {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly escalations: EscalationRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly email: EnqueueEmail,
    private readonly thread: EscalationThread,
    private readonly audit: RecordAudit,
  ) {}

  async execute(incidentId: string, input: { body: unknown }, actor: Actor): Promise<{ messageId: string }> {
    const body = messageBody(input.body);
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      const escalation = await this.escalations.ofIncident(incident.id);
      if (escalation?.status !== 'sent') throw new EscalationNotSent(incident.reference);
      const { threadSubject, ...inThread } = await this.thread.replyIn(incident.id, escalation.rootMessageId);
      const messageId = this.email.newMessageId();
      const message = await this.messages.insert({
        incidentId: incident.id,
        direction: 'out',
        audience: 'skatteetaten',
        channel: 'desk',
        body,
        authorLabel: actor.label,
        consumerIds: [],
        reportId: null,
        recipients: escalation.to,
        messageIds: [messageId],
        inboundMessageId: null,
        threadRootMessageId: escalation.rootMessageId,
      });
      await this.email.execute({
        template: INCIDENT_MESSAGE_SKE_MAIL,
        to: escalation.to,
        messageId,
        ...inThread,
        dedupeKey: `incident-message:${message.id}`,
        related: { type: 'incident', id: incident.id },
        data: {
          reference: incident.reference,
          title: incident.title,
          threadSubject,
          body,
          skeCaseReference: incident.skeCaseReference,
        },
      });
      await this.timeline.record(incident.id, 'message_sent', actor.label, {
        audience: 'skatteetaten',
        recipients: escalation.to.length,
        consumers: 0,
      });
      await this.audit.execute({
        actor,
        action: 'incident.message_sent',
        objectType: 'incident',
        objectId: incident.id,
        after: { audience: 'skatteetaten', to: escalation.to },
      });
      return { messageId };
    });
  }
}

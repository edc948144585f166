import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { EscalateIncident, EscalationResult } from './escalate-incident.use-case';
import { EscalationRepository } from './escalation.repository';
import { EscalationMessage } from './escalation-message';
import { EscalationThread } from './escalation-thread';
import { isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentMessageRepository } from './incident-message.repository';
import { IncidentAlreadyResolved, IncidentNotFound, NoThreadToMove } from './incidents.exceptions';
import { ESCALATION_MAIL } from './mail/escalation.mail';
import { ESCALATION_MOVED_MAIL } from './mail/escalation-moved.mail';
import { automaticUpdatesAllowed } from './rules/incident-visibility';

/**
 * Staff judged an incident a security matter after its thread went to the ordinary channel, whose
 * updates then stopped (automaticUpdatesAllowed): KS takes it to the security channel. The
 * ordinary thread ends with a message that names nothing of the matter, and the incident's thread
 * becomes a new one, whose first message to the services' security addresses tells everything,
 * as an escalation of a security case does. One thread per incident still holds: the escalation
 * row now stands for the new thread, and Skatteetaten's answers in the old one stay filed under it.
 * The municipalities were told of the escalation already and are not told again.
 */
@Injectable()
export class MoveEscalationToSecurityChannel {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly thread: EscalationThread,
    private readonly message: EscalationMessage,
    private readonly email: EnqueueEmail,
    private readonly escalate: EscalateIncident,
    private readonly audit: RecordAudit,
  ) {}

  async execute(incidentId: string, actor: Actor): Promise<EscalationResult> {
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      if (isSettled(incident)) throw new IncidentAlreadyResolved(incident.reference);
      const old = await this.escalations.ofIncident(incident.id);
      if (!old || old.status !== 'sent' || automaticUpdatesAllowed(incident, old)) throw new NoThreadToMove(incident.reference);

      // The case number was the ordinary channel's; the security channel opens a case of its own.
      const moved = { ...incident, skeCaseReference: null };
      const told = await this.escalations.toldMark(incident.id);
      const draft = await this.message.draft(moved, told);

      // Skatteetaten's answers so far belong to the ordinary thread, also those stored before threads were told apart.
      await this.messages.assignThreadRoot(incident.id, old.rootMessageId);
      const { threadSubject, ...inThread } = await this.thread.replyIn(incident.id, old.rootMessageId);
      await this.email.execute({
        template: ESCALATION_MOVED_MAIL,
        to: old.to,
        ...inThread,
        dedupeKey: `escalation-moved:${old.id}`,
        related: { type: 'incident', id: incident.id },
        data: { reference: incident.reference, threadSubject, skeCaseReference: incident.skeCaseReference },
      });

      await this.incidents.update(incident.id, { skeCaseReference: null });
      const { messageId: rootMessageId } = await this.email.execute({
        template: ESCALATION_MAIL,
        to: draft.to,
        messageId: this.email.newMessageId(),
        dedupeKey: `escalation:${old.id}:security-channel`,
        related: { type: 'incident', id: incident.id },
        data: draft.data,
      });
      const escalation = await this.escalations.startNewThread(old.id, {
        rootMessageId,
        to: draft.to,
        security: draft.security,
        told,
      });
      await this.timeline.record(incident.id, 'escalation_moved', actor.label, {
        from: old.rootMessageId,
        fromTo: old.to,
        skeCaseReference: incident.skeCaseReference,
        to: draft.to,
        messageId: rootMessageId,
      });
      await this.audit.execute({
        actor,
        action: 'incident.escalation_moved_to_security_channel',
        objectType: 'incident',
        objectId: incident.id,
        before: { to: old.to, security: old.security, rootMessageId: old.rootMessageId, skeCaseReference: incident.skeCaseReference },
        after: { to: draft.to, security: draft.security, rootMessageId, skeCaseReference: null },
      });
      return this.escalate.result(moved, escalation, false);
    });
  }
}

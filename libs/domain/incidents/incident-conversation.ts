import { ListStaffUsers, StaffGroups } from '@domain/identity';
import { maskNationalIdentityNumbers } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { ValidationFailed } from '@platform/errors';
import { EnqueueEmail } from '@platform/mail';

import { EscalationRepository } from './escalation.repository';
import type { Incident } from './incident.entity';
import { IncidentMessageRepository } from './incident-message.repository';
import { INCIDENT_REPLY_RECEIVED_MAIL, type IncidentReplyReceivedMail } from './mail/incident-reply-received.mail';

/** Longest message body staff or a municipality may write. */
export const MAX_MESSAGE_LENGTH = 10_000;

/** A message body as it is stored and sent: trimmed, identity numbers masked, not empty, not too long. */
export function messageBody(body: unknown, field = 'body'): string {
  const text = maskNationalIdentityNumbers(typeof body === 'string' ? body.trim() : '').text;
  if (!text) throw new ValidationFailed([{ field, message: 'must not be empty' }]);
  if (text.length > MAX_MESSAGE_LENGTH)
    throw new ValidationFailed([{ field, message: `must be at most ${MAX_MESSAGE_LENGTH} characters` }]);
  return text;
}

/**
 * What the conversation use cases share: who owns an incident's conversation and hearing of an
 * answer. Its owners are its assignee; with none, the active members of its group; with neither,
 * the staff member who last wrote in its conversation, else the one who escalated it.
 */
@Injectable()
export class IncidentConversation {
  constructor(
    private readonly messages: IncidentMessageRepository,
    private readonly escalations: EscalationRepository,
    private readonly email: EnqueueEmail,
    private readonly staff: ListStaffUsers,
    private readonly groups: StaffGroups,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The addresses of the incident's owners; none when it has none. */
  async owners(incident: Pick<Incident, 'id' | 'assigneeId' | 'groupId'>): Promise<string[]> {
    if (incident.assigneeId) {
      const assignee = (await this.staff.execute()).find((u) => u.id === incident.assigneeId && u.active);
      if (assignee) return [assignee.email];
    }
    if (incident.groupId) {
      const members = (await this.groups.activeMembers(incident.groupId)).map((m) => m.email);
      if (members.length) return members;
    }
    const author = await this.messages.lastStaffAuthor(incident.id);
    if (author) return [author];
    const escalatedBy = (await this.escalations.ofIncident(incident.id))?.escalatedBy ?? '';
    return escalatedBy.includes('@') ? [escalatedBy] : [];
  }

  /** Tells the owners (in the caller's transaction) that someone answered; nobody when the incident has none. */
  async notifyOwner(incident: Incident, eventKey: string, kind: IncidentReplyReceivedMail['kind'], from: string): Promise<void> {
    const to = await this.owners(incident);
    if (!to.length) return;
    await this.email.execute({
      template: INCIDENT_REPLY_RECEIVED_MAIL,
      to,
      dedupeKey: `incident-reply-received:${eventKey}`,
      related: { type: 'incident-internal', id: incident.id },
      data: { reference: incident.reference, title: incident.title, kind, from, link: `${this.config.publicUrl}/incidents/${incident.id}` },
    });
  }
}

import { NotifyStaff } from '@domain/notifications';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '@platform/events';
import { MAIL_UNDELIVERED, type MailUndeliveredEvent } from '@platform/mail';

import { ESCALATION_THREAD_TEMPLATES } from './escalation-thread';
import { IncidentRepository } from './incident.repository';
import { isRestricted } from './rules/incident-visibility';

export const MAIL_UNDELIVERED_NOTIFICATION = 'incident.mail_undelivered';

/**
 * An e-mail to Skatteetaten about an incident that was given up on means Skatteetaten may not know
 * of the problem: whoever has the incident hears of it in the app (its assignee, else everyone who
 * escalates; for a security case only those who may read it), with a link to the incident, where
 * the delivery shows and the message can be sent again.
 */
@Injectable()
export class NotifyUndeliveredMail implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly incidents: IncidentRepository,
    private readonly notify: NotifyStaff,
  ) {}

  onModuleInit(): void {
    this.events.on(MAIL_UNDELIVERED, 'incidents.notify-undelivered-mail', (payload) =>
      this.execute(payload as unknown as MailUndeliveredEvent),
    );
  }

  /** Runs in the event's transaction. */
  async execute(event: MailUndeliveredEvent): Promise<void> {
    if (event.relatedType !== 'incident' || !event.relatedId || !ESCALATION_THREAD_TEMPLATES.has(event.template)) return;
    const incident = await this.incidents.resolveSurvivor(event.relatedId);
    if (!incident) return;
    const restricted = isRestricted(incident);
    const to =
      incident.assigneeId && !restricted
        ? { staffIds: [incident.assigneeId] }
        : { permission: restricted ? ('security-case.manage' as const) : ('incident.escalate' as const) };
    await this.notify.execute(to, {
      kind: MAIL_UNDELIVERED_NOTIFICATION,
      reference: incident.reference,
      title: restricted ? '' : incident.title,
      link: `/incidents/${incident.id}`,
    });
  }
}

import { RecordAudit } from '@domain/audit';
import { ListConsumerContacts } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { EnqueueEmail } from '@platform/mail';

import { IncidentRepository } from './incident.repository';
import { messageBody } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentMessageRepository } from './incident-message.repository';
import { IncidentNotFound, NoMunicipalityContacts } from './incidents.exceptions';
import { KnownIncidents } from './known-incidents.use-case';
import { INCIDENT_MESSAGE_MUNICIPALITY_MAIL } from './mail/incident-message-municipality.mail';
import { ReportRepository } from './report.repository';

export interface MunicipalityMessageInput {
  body: unknown;
  /** The affected consumers to write to; empty or absent: all of them. */
  consumerIds?: string[];
}

/**
 * Staff write to the affected municipalities of an incident (all, or those chosen): one e-mail
 * per registered contact, each with its own Message-ID so an answer threads back, all written to
 * the outbox in one transaction with the conversation entry.
 */
@Injectable()
export class WriteToMunicipalities {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly contacts: ListConsumerContacts,
    private readonly known: KnownIncidents,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
  ) {}

  async execute(incidentId: string, input: MunicipalityMessageInput, actor: Actor): Promise<{ recipients: number; consumers: number }> {
    const body = messageBody(input.body);
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      const affected = (await this.reports.statsOf(incident.id)).consumerIds;
      const chosen = input.consumerIds?.length ? [...new Set(input.consumerIds)] : affected;
      if (chosen.some((id) => !affected.includes(id)))
        throw new ValidationFailed([{ field: 'consumerIds', message: 'must name municipalities affected by this incident' }]);
      const recipients = new Map<string, { name: string; consumerId: string }>();
      for (const c of await this.contacts.execute(chosen))
        if (!recipients.has(c.email.toLowerCase())) recipients.set(c.email.toLowerCase(), { name: c.name, consumerId: c.consumerId });
      if (!recipients.size) throw new NoMunicipalityContacts();
      const reportsOf = new Map<string, string[]>();
      for (const r of await this.reports.ofIncidentFrom(incident.id, chosen))
        reportsOf.set(r.consumerId, [...(reportsOf.get(r.consumerId) ?? []), r.reference]);
      const title = await this.known.publicTitle(incident);
      const sent = [...recipients].map(([address, to]) => ({ address, to, messageId: this.email.newMessageId() }));
      const message = await this.messages.insert({
        incidentId: incident.id,
        direction: 'out',
        audience: 'municipalities',
        channel: 'desk',
        body,
        authorLabel: actor.label,
        consumerIds: chosen,
        reportId: null,
        recipients: sent.map((s) => s.address),
        messageIds: sent.map((s) => s.messageId),
        inboundMessageId: null,
      });
      for (const { address, to, messageId } of sent)
        await this.email.execute({
          template: INCIDENT_MESSAGE_MUNICIPALITY_MAIL,
          to: [address],
          messageId,
          dedupeKey: `incident-message:${message.id}:${address}`,
          related: { type: 'incident', id: incident.id },
          data: { name: to.name, reference: incident.reference, title, body, reports: reportsOf.get(to.consumerId) ?? [] },
        });
      const result = { recipients: sent.length, consumers: chosen.length };
      await this.timeline.record(incident.id, 'message_sent', actor.label, { audience: 'municipalities', ...result });
      await this.audit.execute({
        actor,
        action: 'incident.message_sent',
        objectType: 'incident',
        objectId: incident.id,
        after: { audience: 'municipalities', consumers: chosen, recipients: sent.length },
      });
      return result;
    });
  }
}

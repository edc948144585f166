import { RecordAudit } from '@domain/audit';
import { ListConsumerContacts } from '@domain/consumers';
import { type Actor, maskNationalIdentityNumbers } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { EnqueueEmail } from '@platform/mail';

import { EscalationRepository } from './escalation.repository';
import { EscalationThread } from './escalation-thread';
import { IncidentSide, isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentAlreadyResolved, IncidentNotFound } from './incidents.exceptions';
import { KnownIncidents } from './known-incidents.use-case';
import { ESCALATION_CLOSED_MAIL } from './mail/escalation-closed.mail';
import { INCIDENT_RESOLVED_MAIL } from './mail/incident-resolved.mail';
import { isConsumerChannel } from './report.entity';
import { ReportRepository } from './report.repository';
import { untoldThreadMerges } from './rules/escalation-thread-news';
import { automaticUpdatesAllowed } from './rules/incident-visibility';

export interface ResolveInput {
  message: string;
  /** A local answer (first-line support) rather than a provider fix. */
  side?: IncidentSide;
  /**
   * Staff said the fault was not the consumer's after all (the resolve form's box, ticked for an
   * incident triaged local, was unticked): the side opens again, if it is still local by then.
   */
  notLocal?: boolean;
}

/**
 * Resolution: every affected consumer's contacts are told exactly once (one e-mail per address,
 * however many reports they sent) and their reports close. An escalated thread gets a final reply.
 */
@Injectable()
export class ResolveIncident {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly contacts: ListConsumerContacts,
    private readonly email: EnqueueEmail,
    private readonly thread: EscalationThread,
    private readonly audit: RecordAudit,
    private readonly known: KnownIncidents,
  ) {}

  async execute(incidentId: string, input: ResolveInput, actor: Actor): Promise<{ notified: number }> {
    // Staff text goes to every affected contact: identity numbers are masked here too.
    const message = maskNationalIdentityNumbers((input.message ?? '').trim()).text;
    if (!message) throw new ValidationFailed([{ field: 'message', message: 'must describe the resolution for the affected consumers' }]);
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      if (isSettled(incident)) throw new IncidentAlreadyResolved(incident.reference);
      const stats = await this.reports.statsOf(incident.id);
      // After a municipality reopened it, this resolution is news again: its e-mails get keys of their own.
      const round = incident.reopenCount ? `:r${incident.reopenCount}` : '';
      const addresses = new Map<string, string>();
      for (const c of await this.contacts.execute(stats.consumerIds)) addresses.set(c.email.toLowerCase(), c.name);
      // A reporter address typed by staff (phone, e-mail) is written to; one a consumer sent only
      // when it is a registered contact, which the loop above already has.
      for (const r of await this.reports.ofIncident(incident.id, 5000))
        if (r.reporterEmail && !isConsumerChannel(r.channel)) addresses.set(r.reporterEmail.toLowerCase(), r.reporterName ?? '');
      // The side as it will be stored: an incident triaged as the consumer's own fault is answered
      // as such though the resolution does not say so again.
      const side = input.side ?? (input.notLocal && incident.side === 'local' ? 'undetermined' : incident.side);
      // Each municipality reads KS's title, not another municipality's words for the problem.
      const title = addresses.size ? await this.known.publicTitle(incident) : incident.title;
      for (const [address, name] of addresses) {
        await this.email.execute({
          template: INCIDENT_RESOLVED_MAIL,
          to: [address],
          dedupeKey: `incident-resolved:${incident.id}${round}:${address}`,
          related: { type: 'incident', id: incident.id },
          data: { name, reference: incident.reference, title, message, local: side === 'local' },
        });
      }
      const escalation = await this.escalations.ofIncident(incident.id);
      if (escalation?.status === 'pending') {
        // Solved before its first message went out: Skatteetaten need not hear of it at all.
        await this.escalations.delete(escalation.id);
        await this.timeline.record(incident.id, 'escalation_cancelled', actor.label, {});
      } else if (escalation) {
        const { threadSubject, ...inThread } = await this.thread.replyIn(incident.id, escalation.rootMessageId);
        const told = await this.timeline.threadNews(incident.id);
        await this.email.execute({
          template: ESCALATION_CLOSED_MAIL,
          to: escalation.to,
          ...inThread,
          dedupeKey: `escalation-closed:${escalation.id}${round}`,
          related: { type: 'incident', id: incident.id },
          data: {
            reference: incident.reference,
            title: incident.title,
            threadSubject,
            message,
            // Staff's resolution of a security matter is not for the ordinary channel its thread went
            // to, also when it is resolved as the municipality's own fault or Skatteetaten's.
            followedElsewhere:
              !automaticUpdatesAllowed(incident, escalation) || !automaticUpdatesAllowed({ ...incident, side }, escalation),
            consumerCount: stats.consumerCount,
            skeCaseReference: incident.skeCaseReference,
            mergedThreads: untoldThreadMerges(told),
          },
        });
      }
      await this.incidents.update(incident.id, { status: 'resolved', side, resolutionMessage: message, resolvedAt: new Date() });
      await this.reports.closeAllOf(incident.id);
      await this.timeline.record(incident.id, 'resolved', actor.label, { notified: addresses.size, side });
      await this.audit.execute({
        actor,
        action: 'incident.resolved',
        objectType: 'incident',
        objectId: incident.id,
        before: { status: incident.status, side: incident.side },
        after: { status: 'resolved', side, message },
      });
      return { notified: addresses.size };
    });
  }
}

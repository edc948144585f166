import { ListConsumerContacts } from '@domain/consumers';
import type { InboundMail, InboundMailHandler, InboundMailOutcome, InboundMailTarget } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { EscalationRepository } from './escalation.repository';
import { ESCALATION_THREAD_TEMPLATES, EscalationThread } from './escalation-thread';
import type { Incident } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentConversation } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentMessageRepository } from './incident-message.repository';
import type { Report } from './report.entity';
import { ReportRepository } from './report.repository';

/**
 * E-mail that answers an incident's threads: Skatteetaten in the escalation thread (by its
 * Message-IDs, or by the incident's reference from one of the thread's addresses), or an affected
 * municipality's registered contact answering KS's messages or quoting its report's reference.
 * Recorded on the incident's conversation and timeline; the conversation's owner hears of it.
 * Anything else is declined and stays with the unrouted mail for staff.
 */
@Injectable()
export class ReceiveIncidentMail implements InboundMailHandler {
  readonly name = 'incidents';
  readonly relatedTypes = ['incident', 'report'] as const;
  readonly referencePrefixes = ['KS', 'M'] as const;

  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly escalations: EscalationRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly contacts: ListConsumerContacts,
    private readonly conversation: IncidentConversation,
    private readonly thread: EscalationThread,
  ) {}

  async accept(mail: InboundMail, target: InboundMailTarget): Promise<InboundMailOutcome> {
    const found = await this.find(target);
    if (!found) return { accepted: false };
    const { incident, report, named } = found;
    // An incident merged into another beside a thread of its own keeps that (ended) thread: a
    // reply naming it belongs there, its recipients' and its root's.
    const escalation =
      (named !== incident.id ? await this.escalations.ofIncident(named) : null) ?? (await this.escalations.ofIncident(incident.id));
    const fromThread =
      target.how === 'message-id'
        ? ESCALATION_THREAD_TEMPLATES.has(target.template)
        : !report && !!escalation?.to.some((a) => a.toLowerCase() === mail.from);
    if (fromThread && escalation) {
      // A reply names the thread it answers; one found by the reference in its subject answers that incident's.
      const root = (target.how === 'message-id' && (await this.thread.rootOf(target.messageId))) || escalation.rootMessageId;
      return this.fromSkatteetaten(incident, mail, root);
    }
    const former = target.how === 'message-id' || report ? null : await this.formerThreadOf(mail.from, [incident.id, named]);
    if (former) return this.fromSkatteetaten(incident, mail, former);
    return this.fromMunicipality(incident, report, mail);
  }

  /**
   * The thread staff moved to the security channel whose recipients sent this (found by its
   * subject): the last message there asked them to answer in it, and their answer belongs there.
   */
  private async formerThreadOf(from: string, incidentIds: string[]): Promise<string | null> {
    const moves = await this.timeline.threadMoves([...new Set(incidentIds)]);
    return moves.findLast((m) => m.details.fromTo.some((a) => a.toLowerCase() === from))?.details.from ?? null;
  }

  /** The incident the mail is about (after merges, locked), its report if it names one, and the incident it named. */
  private async find(target: InboundMailTarget): Promise<{ incident: Incident; report: Report | null; named: string } | null> {
    let report: Report | null = null;
    let incidentId: string | null = null;
    if (target.how === 'new-conversation') return null;
    if (target.how === 'message-id') {
      if (target.relatedType === 'report') report = await this.reports.find(target.relatedId);
      else incidentId = target.relatedId;
    } else if (target.reference.startsWith('M-')) report = await this.reports.findByReference(target.reference);
    else incidentId = (await this.incidents.findByReference(target.reference))?.id ?? null;
    // Locked for the caller's transaction, so a merge cannot move the conversation while the answer is added.
    const named = report?.incidentId ?? incidentId ?? '';
    const incident = await this.incidents.lockSurvivor(named);
    return incident ? { incident, report, named } : null;
  }

  private async fromSkatteetaten(incident: Incident, mail: InboundMail, threadRootMessageId: string): Promise<InboundMailOutcome> {
    const message = await this.messages.insert({
      incidentId: incident.id,
      direction: 'in',
      audience: 'skatteetaten',
      channel: 'email',
      body: mail.text,
      authorLabel: mail.from,
      consumerIds: [],
      reportId: null,
      recipients: [],
      messageIds: [mail.messageId],
      inboundMessageId: mail.id,
      threadRootMessageId,
    });
    await this.timeline.record(incident.id, 'message_received', mail.from, { audience: 'skatteetaten', from: mail.from, channel: 'email' });
    await this.conversation.notifyOwner(incident, message.id, 'skatteetaten', mail.from);
    return { accepted: true, summary: `incident:${incident.reference}` };
  }

  /** Only a registered contact of an affected municipality (or the address a report named) is taken. */
  private async fromMunicipality(incident: Incident, report: Report | null, mail: InboundMail): Promise<InboundMailOutcome> {
    const stats = report ? null : await this.reports.statsOf(incident.id);
    const consumerIds = report ? [report.consumerId] : stats!.consumerIds;
    const contact = (await this.contacts.execute(consumerIds)).find((c) => c.email.toLowerCase() === mail.from);
    const consumerId = contact?.consumerId ?? (report?.reporterEmail?.toLowerCase() === mail.from ? report.consumerId : null);
    if (!consumerId) return { accepted: false };
    const about = report ?? (await this.reports.firstOfConsumerIn(incident.id, consumerId));
    const message = await this.messages.insert({
      incidentId: incident.id,
      direction: 'in',
      audience: 'municipalities',
      channel: 'email',
      body: mail.text,
      authorLabel: mail.from,
      consumerIds: [consumerId],
      reportId: about?.id ?? null,
      recipients: [],
      messageIds: [mail.messageId],
      inboundMessageId: mail.id,
    });
    await this.timeline.record(incident.id, 'message_received', mail.from, {
      audience: 'municipalities',
      from: mail.from,
      channel: 'email',
      ...(about ? { report: about.reference } : {}),
    });
    // The owner reads who wrote by name where the registry knows it.
    await this.conversation.notifyOwner(incident, message.id, 'municipality', contact?.name ? `${contact.name} (${mail.from})` : mail.from);
    return { accepted: true, summary: `incident:${incident.reference}` };
  }
}

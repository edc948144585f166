import { RecordAudit } from '@domain/audit';
import { ListConsumerContacts } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { Escalation } from './escalation.entity';
import { EscalationRepository } from './escalation.repository';
import { EscalationMessage } from './escalation-message';
import { Incident, isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentAlreadyResolved, IncidentNotFound } from './incidents.exceptions';
import { KnownIncidents } from './known-incidents.use-case';
import { ESCALATION_MAIL } from './mail/escalation.mail';
import { INCIDENT_ESCALATED_MAIL } from './mail/incident-escalated.mail';
import { ReclusterIncidents } from './recluster-incidents.use-case';
import { ReportRepository } from './report.repository';
import { reportRecipients } from './report-recipients';

export interface EscalationResult {
  incidentId: string;
  reference: string;
  escalationId: string;
  messageId: string;
  to: string[];
  security: boolean;
  escalatedAt: Date;
  /** `pending` while the first message waits for the settle period; `sent` once it is in the outbox. */
  status: Escalation['status'];
  /** When a pending first message goes out. */
  sendAfter: Date | null;
  /** True when the thread already existed (this call or a duplicate had escalated it). */
  alreadyEscalated: boolean;
  /** Set when the incident turned out to duplicate an escalated one and was merged into it. */
  mergedInto?: string;
}

/**
 * KS's decision that the problem lies with Skatteetaten (or is a security matter): one thread per
 * incident, whose first message is one e-mail to every escalation address of its services.
 * First the incident's confident duplicates are folded in (one of them may already be escalated:
 * then this joins that thread). The first message then waits a short settle period, like
 * Alertmanager's group_wait, so duplicates that surface in the next seconds join it instead of
 * starting a second thread; staff can send it at once. Idempotent under concurrency (unique
 * index + row lock).
 */
@Injectable()
export class EscalateIncident {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly regroup: ReclusterIncidents,
    private readonly message: EscalationMessage,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
    private readonly reports: ReportRepository,
    private readonly contacts: ListConsumerContacts,
    private readonly known: KnownIncidents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(incidentId: string, actor: Actor): Promise<EscalationResult> {
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    if (!(await this.escalations.ofIncident(start.id)))
      await this.regroup.execute(start.environment, await this.groupingInstant(start), [start.id]);
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      if (isSettled(incident)) throw new IncidentAlreadyResolved(incident.reference);
      const existing = await this.escalations.ofIncident(incident.id);
      const mergedInto = incident.id !== start.id ? incident.reference : undefined;
      if (existing) return { ...this.result(incident, existing, true), ...(mergedInto ? { mergedInto } : {}) };

      const draft = await this.message.draft(incident);
      const settle = this.config.escalationSettleSeconds * 1000;
      const escalation = await this.escalations.insertOnce({
        incidentId: incident.id,
        rootMessageId: this.email.newMessageId(),
        to: draft.to,
        security: draft.security,
        escalatedBy: actor.label,
        status: 'pending',
        sendAfter: new Date(Date.now() + settle),
      });
      if (!escalation) return this.result(incident, (await this.escalations.ofIncident(incident.id))!, true);
      await this.incidents.update(incident.id, { status: 'escalated', side: draft.security ? 'security' : 'ske' });
      await this.timeline.record(incident.id, 'escalated', actor.label, {
        to: draft.to,
        security: draft.security,
        messageId: escalation.rootMessageId,
        sendAfter: escalation.sendAfter?.toISOString() ?? null,
      });
      await this.audit.execute({
        actor,
        action: 'incident.escalated',
        objectType: 'incident',
        objectId: incident.id,
        after: { to: draft.to, security: draft.security },
      });
      const sent = settle === 0 ? await this.sendFirstMessage(escalation, actor.label) : escalation;
      return this.result({ ...incident, status: 'escalated' }, sent, false);
    });
  }

  /**
   * Writes a pending escalation's first message to the outbox (inside the caller's transaction),
   * for the incident as it stands now: every report, every escalation address of its services.
   */
  async sendFirstMessage(escalation: Escalation, actorLabel: string): Promise<Escalation> {
    const incident = (await this.incidents.find(escalation.incidentId))!;
    const told = await this.escalations.toldMark(incident.id);
    const draft = await this.message.draft(incident, told);
    await this.email.execute({
      template: ESCALATION_MAIL,
      to: draft.to,
      messageId: escalation.rootMessageId,
      dedupeKey: `escalation:${escalation.id}`,
      related: { type: 'incident', id: incident.id },
      data: draft.data,
    });
    // The reporters hear as Skatteetaten does, not at escalation: an escalation solved while its
    // first message waits is cancelled, and they would have been told of a message never sent.
    // Reports that joined while it waited are told too, also one stored after the message's mark,
    // which Skatteetaten hears of in the first update.
    await this.tellReporters(incident, escalation);
    const sent = await this.escalations.markSent(escalation.id, draft.to, draft.security, told);
    await this.timeline.record(incident.id, 'escalation_sent', actorLabel, {
      to: draft.to,
      security: draft.security,
      messageId: escalation.rootMessageId,
    });
    return sent;
  }

  /**
   * Each reporter of the incident hears once per escalation that KS has taken it to Skatteetaten
   * (in the caller's transaction), with their own reports' references and the incident's public
   * title: one e-mail per address, however many reports it sent.
   */
  private async tellReporters(incident: Incident, escalation: Escalation): Promise<void> {
    const reports = await this.reports.ofIncident(incident.id, 5000);
    const consumerIds = [...new Set(reports.map((r) => r.consumerId))];
    const contacts = await this.contacts.execute(consumerIds);
    const reportsOf = new Map<string, string[]>();
    for (const r of reports)
      for (const address of reportRecipients(
        r,
        contacts.filter((c) => c.consumerId === r.consumerId),
      ))
        reportsOf.set(address.toLowerCase(), [...(reportsOf.get(address.toLowerCase()) ?? []), r.reference]);
    if (!reportsOf.size) return;
    const title = await this.known.publicTitle(incident);
    for (const [address, references] of reportsOf)
      await this.email.execute({
        template: INCIDENT_ESCALATED_MAIL,
        to: [address],
        dedupeKey: `incident-escalated:${escalation.id}:${address}`,
        related: { type: 'incident', id: incident.id },
        data: { reference: incident.reference, title, reports: references, consumerCount: consumerIds.length },
      });
  }

  /**
   * The instant grouping is judged at: now, or the incident environment's latest report when
   * history with later dates was imported (the lookback is measured back from it).
   */
  async groupingInstant(incident: Incident): Promise<Date> {
    const latest = await this.incidents.latestReportAt(incident.environment);
    return latest && latest.getTime() > Date.now() ? latest : new Date();
  }

  result(incident: Incident, escalation: Escalation, alreadyEscalated: boolean): EscalationResult {
    return {
      incidentId: incident.id,
      reference: incident.reference,
      escalationId: escalation.id,
      messageId: escalation.rootMessageId,
      to: escalation.to,
      security: escalation.security,
      escalatedAt: escalation.createdAt,
      status: escalation.status,
      sendAfter: escalation.status === 'pending' ? escalation.sendAfter : null,
      alreadyEscalated,
    };
  }
}

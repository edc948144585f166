import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { Escalation } from './escalation.entity';
import { EscalationRepository } from './escalation.repository';
import { EscalationMessage } from './escalation-message';
import { Incident } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentAlreadyResolved, IncidentNotFound } from './incidents.exceptions';
import { ESCALATION_MAIL } from './mail/escalation.mail';
import { ReclusterIncidents } from './recluster-incidents.use-case';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(incidentId: string, actor: Actor): Promise<EscalationResult> {
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    if (!(await this.escalations.ofIncident(start.id)))
      await this.regroup.execute(start.environment, await this.groupingInstant(start), [start.id]);
    return this.db.transaction(async () => {
      const survivor = (await this.incidents.resolveSurvivor(start.id))!;
      const incident = (await this.incidents.lock(survivor.id))!;
      if (incident.mergedIntoId) return this.execute(incident.mergedIntoId, actor);
      if (incident.status === 'resolved' || incident.status === 'closed') throw new IncidentAlreadyResolved(incident.reference);
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
    const draft = await this.message.draft(incident);
    await this.email.execute({
      template: ESCALATION_MAIL,
      to: draft.to,
      messageId: escalation.rootMessageId,
      dedupeKey: `escalation:${escalation.id}`,
      related: { type: 'incident', id: incident.id },
      data: draft.data,
    });
    const sent = await this.escalations.markSent(escalation.id, draft.to, draft.security);
    await this.timeline.record(incident.id, 'escalation_sent', actorLabel, {
      to: draft.to,
      security: draft.security,
      messageId: escalation.rootMessageId,
    });
    return sent;
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

import { Injectable } from '@nestjs/common';
import { RecordAudit } from '../audit/record-audit.use-case';
import type { Actor } from '../identity/principal';
import { DatabaseContext } from '../shared/database/database-context';
import { EnqueueEmail } from '@notifications/enqueue-email.use-case';
import { EscalationMessage } from './escalation-message';
import { Escalation } from './escalation.entity';
import { IncidentMerger } from './incident-merger';
import { Incident } from './incident.entity';
import { IncidentAlreadyResolved, IncidentNotFound } from './incidents.exceptions';
import { IncidentsRepository } from './incidents.repository';
import { proposeMerges } from './rules/merge-incidents';

export interface EscalationResult {
  incidentId: string;
  reference: string;
  escalationId: string;
  messageId: string;
  to: string[];
  security: boolean;
  escalatedAt: Date;
  /** True when the thread already existed (this call or a duplicate had escalated it). */
  alreadyEscalated: boolean;
  /** Set when the incident turned out to duplicate an escalated one and was merged into it. */
  mergedInto?: string;
}

/**
 * KS's decision that the problem lies with Skatteetaten (or is a security matter): one thread per
 * incident, whose first message is one e-mail to every escalation address of its services.
 * Idempotent under concurrency (unique index + row lock), and an incident that duplicates an
 * already escalated one joins that thread instead of starting a second.
 */
@Injectable()
export class EscalateIncident {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentsRepository,
    private readonly merger: IncidentMerger,
    private readonly message: EscalationMessage,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
  ) {}

  async execute(incidentId: string, actor: Actor): Promise<EscalationResult> {
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockIncident(start.id))!;
      if (incident.mergedIntoId) return this.execute(incident.mergedIntoId, actor);
      if (incident.status === 'resolved' || incident.status === 'closed') throw new IncidentAlreadyResolved(incident.reference);
      const existing = await this.incidents.findEscalation(incident.id);
      if (existing) return this.result(incident, existing, true);

      const duplicateOf = await this.escalatedDuplicate(incident);
      if (duplicateOf) {
        const survivor = await this.merger.merge(duplicateOf, incident, actor.label, ['samme problem som en allerede eskalert hendelse'], 'auto');
        const escalation = (await this.incidents.findEscalation(survivor.id))!;
        await this.audit.execute({ actor, action: 'incident.escalation_joined', objectType: 'incident', objectId: incident.id, details: { into: survivor.reference } });
        return { ...this.result(survivor, escalation, true), mergedInto: survivor.reference };
      }

      const draft = await this.message.draft(incident);
      const messageId = this.email.newMessageId();
      const escalation = await this.incidents.insertEscalationOnce({ incidentId: incident.id, rootMessageId: messageId, to: draft.to, security: draft.security, escalatedBy: actor.label });
      if (!escalation) return this.result(incident, (await this.incidents.findEscalation(incident.id))!, true);
      await this.email.execute({
        template: 'escalation',
        to: draft.to,
        messageId,
        dedupeKey: `escalation:${incident.id}`,
        related: { type: 'incident', id: incident.id },
        data: draft.data,
      });
      await this.incidents.updateIncident(incident.id, { status: 'escalated', side: draft.security ? 'security' : 'ske' });
      await this.incidents.addEvent(incident.id, 'escalated', actor.label, { to: draft.to, security: draft.security, messageId });
      await this.audit.execute({ actor, action: 'incident.escalated', objectType: 'incident', objectId: incident.id, after: { to: draft.to, security: draft.security } });
      return this.result({ ...incident, status: 'escalated' }, escalation, false);
    });
  }

  /** An already escalated open incident that this one certainly duplicates, if any. */
  private async escalatedDuplicate(incident: Incident): Promise<Incident | null> {
    const escalated = await this.incidents.escalatedOpenIncidents(incident.environment, incident.track, incident.id);
    if (!escalated.length) return null;
    const snapshots = await this.incidents.snapshotsOf([incident, ...escalated], new Date(8.64e15));
    const rejected = await this.incidents.rejectedPairs([incident.id]);
    const hit = proposeMerges(snapshots).find((p) => p.certain && (p.survivorId === incident.id || p.mergedId === incident.id) && !rejected.has(`${p.survivorId}|${p.mergedId}`));
    if (!hit) return null;
    return escalated.find((e) => e.id === (hit.survivorId === incident.id ? hit.mergedId : hit.survivorId)) ?? null;
  }

  private result(incident: Incident, escalation: Escalation, alreadyEscalated: boolean): EscalationResult {
    return {
      incidentId: incident.id,
      reference: incident.reference,
      escalationId: escalation.id,
      messageId: escalation.rootMessageId,
      to: escalation.to,
      security: escalation.security,
      escalatedAt: escalation.createdAt,
      alreadyEscalated,
    };
  }
}

import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { EscalateIncident, EscalationResult } from './escalate-incident.use-case';
import { Escalation } from './escalation.entity';
import { EscalationRepository } from './escalation.repository';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentNotFound, NothingToSend } from './incidents.exceptions';
import { ReclusterIncidents } from './recluster-incidents.use-case';

/**
 * Sends the first message of escalations whose settle period is over (the worker, every few
 * seconds) or at once when staff say so. Before sending, the incident's confident duplicates
 * are folded in one last time; an escalation whose incident was merged into another escalated
 * one has been folded into that thread and sends nothing.
 */
@Injectable()
export class SendDueEscalations {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly escalations: EscalationRepository,
    private readonly regroup: ReclusterIncidents,
    private readonly escalate: EscalateIncident,
    private readonly audit: RecordAudit,
    private readonly timeline: IncidentEventRepository,
  ) {}

  async execute(now = new Date()): Promise<number> {
    let sent = 0;
    for (const due of await this.escalations.dueToSend(now)) if (await this.send(due, 'system')) sent++;
    return sent;
  }

  /** "Send now": the pending first message of this incident's escalation goes out without waiting. */
  async now(incidentId: string, actor: Actor): Promise<EscalationResult> {
    const incident = await this.incidents.resolveSurvivor(incidentId);
    if (!incident) throw new IncidentNotFound();
    const escalation = await this.escalations.ofIncident(incident.id);
    if (!escalation || escalation.status !== 'pending') throw new NothingToSend(incident.reference);
    // Recorded with the send, and only by the one that sent: the worker or a second click may
    // have sent it meanwhile, or a resolution cancelled it.
    const sent = await this.send(escalation, actor.label, () =>
      this.audit.execute({ actor, action: 'incident.escalation_sent_now', objectType: 'incident', objectId: incident.id }),
    );
    if (!sent) throw new NothingToSend(incident.reference);
    const survivor = (await this.incidents.resolveSurvivor(incident.id))!;
    return this.escalate.result(survivor, (await this.escalations.ofIncident(survivor.id))!, true);
  }

  private async send(due: Escalation, actorLabel: string, alsoWhenSent?: () => Promise<unknown>): Promise<boolean> {
    const incident = await this.incidents.find(due.incidentId);
    if (!incident) return false;
    await this.regroup.execute(incident.environment, await this.escalate.groupingInstant(incident), [incident.id]);
    return this.db.transaction(async () => {
      // The incident first, as a merge takes it: none moves reports in while the message reads them.
      const locked = await this.incidents.lockSurvivor(due.incidentId);
      const current = await this.escalations.lock(due.id);
      if (!locked || !current || current.status !== 'pending') return false;
      if (current.incidentId !== locked.id) {
        // Left waiting on an incident that was emptied and closed (by an earlier version, which did
        // not merge emptied incidents): cancelled as an escalation of a solved incident is. Staff
        // escalate the incident its reports went to if it needs it.
        await this.escalations.delete(current.id);
        await this.timeline.record(current.incidentId, 'escalation_cancelled', actorLabel, {});
        return false;
      }
      await this.escalate.sendFirstMessage(current, actorLabel);
      await alsoWhenSent?.();
      return true;
    });
  }
}

import { RecordAudit } from '@domain/audit';
import { type Actor, maskNationalIdentityNumbers } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { EscalationRepository } from './escalation.repository';
import { type IncidentStatus, isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentNotFound, IncidentNotResolved } from './incidents.exceptions';
import { ReportRepository } from './report.repository';
import { reopenedStatus } from './rules/reopen-window';

export interface ReopenIncidentInput {
  /** Why it opens again (the fix did not hold, resolved by mistake): kept in the timeline. */
  reason?: string | null;
}

export const REOPEN_REASON_MAX = 2000;

/**
 * Staff open a resolved incident again, at any time: its reports open again and it goes back to
 * the queue (escalated when its thread to Skatteetaten was sent, else triaged or new), so it can
 * take reports, merges and a new resolution. Nobody is e-mailed: staff tell the municipalities or
 * Skatteetaten in the conversation, in their own words; if they do not, the next update to
 * Skatteetaten (SendEscalationFollowUps) says the incident was reopened.
 */
@Injectable()
export class ReopenIncident {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(incidentId: string, input: ReopenIncidentInput, actor: Actor): Promise<{ status: IncidentStatus }> {
    const reason = maskNationalIdentityNumbers((input.reason ?? '').trim()).text || null;
    if (reason && reason.length > REOPEN_REASON_MAX)
      throw new ValidationFailed([{ field: 'reason', message: `must be at most ${REOPEN_REASON_MAX} characters` }]);
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      if (!isSettled(incident)) throw new IncidentNotResolved(incident.reference);
      const escalation = await this.escalations.ofIncident(incident.id);
      const status = reopenedStatus(escalation?.status === 'sent', incident.side);
      await this.incidents.update(incident.id, { status, resolvedAt: null, reopenCount: incident.reopenCount + 1 });
      await this.reports.reopenAllOf(incident.id);
      await this.timeline.record(incident.id, 'reopened', actor.label, { status, reason });
      await this.audit.execute({
        actor,
        action: 'incident.reopened',
        objectType: 'incident',
        objectId: incident.id,
        before: { status: incident.status },
        after: { status, reason },
      });
      return { status };
    });
  }
}

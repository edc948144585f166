import { RecordAudit } from '@domain/audit';
import { type Actor, withoutNationalIdentityNumbers } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { Incident, IncidentSide, Severity } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import type { IncidentEventDetails } from './incident-timeline';
import { IncidentVisibility } from './incident-visibility.use-case';
import { IncidentNotFound } from './incidents.exceptions';
import { isRestricted } from './rules/incident-visibility';
import { SecurityCaseRepository } from './security-case.repository';

export interface TriageInput {
  side?: IncidentSide;
  severity?: Severity | null;
  title?: string;
  skeCaseReference?: string | null;
}

/** Staff's first analysis: which side the fault lies on, how severe, a better title, SKE's case number. */
@Injectable()
export class TriageIncident {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly audit: RecordAudit,
    private readonly securityCases: SecurityCaseRepository,
    private readonly visibility: IncidentVisibility,
  ) {}

  async execute(incidentId: string, input: TriageInput, actor: Actor): Promise<Incident> {
    const start = await this.incidents.resolveSurvivor(incidentId);
    if (!start) throw new IncidentNotFound();
    return this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      const patch: IncidentEventDetails['triaged'] = {};
      if (input.side !== undefined) patch.side = input.side;
      if (input.severity !== undefined) patch.severity = input.severity;
      if (input.title?.trim()) patch.title = withoutNationalIdentityNumbers(input.title.trim()).slice(0, 200);
      if (input.skeCaseReference !== undefined)
        patch.skeCaseReference = withoutNationalIdentityNumbers(input.skeCaseReference?.trim() ?? '') || null;
      if (incident.status === 'new') patch.status = 'triaged';
      await this.incidents.update(incident.id, patch);
      // Staff moving an incident to the security side opens its case; the clock runs from its first report.
      if (patch.side === 'security') await this.securityCases.openOnce(incident.id, incident.openedAt);
      if (patch.side === 'security' && !isRestricted(incident)) await this.visibility.becameSecurityCase(incident.id);
      const before = {
        side: incident.side,
        severity: incident.severity,
        title: incident.title,
        skeCaseReference: incident.skeCaseReference,
        status: incident.status,
      };
      await this.timeline.record(incident.id, 'triaged', actor.label, { ...patch });
      await this.audit.execute({ actor, action: 'incident.triaged', objectType: 'incident', objectId: incident.id, before, after: patch });
      return { ...incident, ...patch };
    });
  }
}

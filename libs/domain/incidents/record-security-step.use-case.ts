import { RecordAudit } from '@domain/audit';
import { type Actor, maskNationalIdentityNumbers, parseInstant, type Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { type FieldError, ValidationFailed } from '@platform/errors';

import { IncidentEventRepository } from './incident-event.repository';
import { SecurityCaseNotFound } from './incidents.exceptions';
import type { SecurityChecklist, SecurityChecklistItem } from './rules/security-clock';
import { SecurityCaseRepository } from './security-case.repository';
import { type SecurityCaseDetail, SecurityCases } from './security-cases.use-case';

export const SECURITY_CHECKLIST_ITEMS: readonly SecurityChecklistItem[] = ['skeCalled', 'municipalityInformed', 'containment'];

export interface SecurityStepInput {
  item: SecurityChecklistItem;
  /** skeCalled: whom at Skatteetaten the call reached, and when it was made. */
  calledName?: string;
  calledAt?: string;
  /** containment: what was done. */
  text?: string;
}

/** A checklist item of a security case done: recorded with who and when, in the timeline and the audit log. */
@Injectable()
export class RecordSecurityStep {
  constructor(
    private readonly db: DatabaseContext,
    private readonly cases: SecurityCaseRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly audit: RecordAudit,
    private readonly queries: SecurityCases,
  ) {}

  /** Returns the case as it is now. */
  async execute(
    caller: Principal,
    incidentId: string,
    input: SecurityStepInput,
    actor: Actor,
    now = new Date(),
  ): Promise<SecurityCaseDetail> {
    const step = this.validated(input, now);
    await this.db.transaction(async () => {
      const found = await this.cases.lockByIncident(incidentId);
      if (!found) throw new SecurityCaseNotFound();
      const at = now.toISOString();
      const checklist: SecurityChecklist = { ...found.checklist };
      if (step.item === 'skeCalled') checklist.skeCalled = { calledName: step.calledName!, calledAt: step.calledAt!, by: actor.label, at };
      else if (step.item === 'municipalityInformed') checklist.municipalityInformed = { by: actor.label, at };
      else checklist.containment = { text: step.text!, by: actor.label, at };
      await this.cases.setChecklist(found.id, checklist);
      await this.timeline.record(incidentId, 'security_step', actor.label, step);
      await this.audit.execute({
        actor,
        action: 'incident.security_step',
        objectType: 'incident',
        objectId: incidentId,
        before: { [step.item]: found.checklist[step.item] ?? null },
        after: { [step.item]: checklist[step.item] },
      });
    });
    return this.queries.get(caller, incidentId, now);
  }

  private validated(input: SecurityStepInput, now: Date): SecurityStepInput {
    const errors: FieldError[] = [];
    if (!SECURITY_CHECKLIST_ITEMS.includes(input.item))
      throw new ValidationFailed([{ field: 'item', message: `must be one of ${SECURITY_CHECKLIST_ITEMS.join(', ')}` }]);
    if (input.item === 'skeCalled') {
      const name = input.calledName?.trim() ?? '';
      if (!name || name.length > 200) errors.push({ field: 'calledName', message: 'must name whom the call reached (1–200 characters)' });
      const calledAt = parseInstant(input.calledAt);
      if (!calledAt || calledAt.getTime() > now.getTime())
        errors.push({ field: 'calledAt', message: 'must be an ISO 8601 date-time with its offset, not in the future' });
      if (errors.length) throw new ValidationFailed(errors);
      return { item: 'skeCalled', calledName: maskNationalIdentityNumbers(name).text, calledAt: calledAt!.toISOString() };
    }
    if (input.item === 'containment') {
      const text = input.text?.trim() ?? '';
      if (!text || text.length > 2000)
        throw new ValidationFailed([{ field: 'text', message: 'must say what was done (1–2000 characters)' }]);
      return { item: 'containment', text: maskNationalIdentityNumbers(text).text };
    }
    return { item: 'municipalityInformed' };
  }
}

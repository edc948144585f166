import type { Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { TemplateRenderer } from '@platform/mail';

import { EscalationMessage } from './escalation-message';
import { IncidentRepository } from './incident.repository';
import { IncidentNotFound, SecurityCaseRestricted } from './incidents.exceptions';
import { ESCALATION_MAIL } from './mail/escalation.mail';
import { mayReadIncidentContent } from './rules/incident-visibility';

/** The exact e-mail an escalation would send now, for staff to read before deciding. */
@Injectable()
export class PreviewEscalation {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly message: EscalationMessage,
    private readonly renderer: TemplateRenderer,
  ) {}

  async execute(
    incidentId: string,
    caller: Principal,
  ): Promise<{ to: string[]; security: boolean; subject: string; html: string; text: string }> {
    const incident = await this.incidents.resolveSurvivor(incidentId);
    if (!incident) throw new IncidentNotFound();
    // The draft quotes the reports: a security case's is for those who may read the case.
    if (!mayReadIncidentContent(caller, incident)) throw new SecurityCaseRestricted();
    const draft = await this.message.draft(incident);
    const rendered = this.renderer.render(ESCALATION_MAIL, draft.data);
    return { to: draft.to, security: draft.security, ...rendered };
  }
}

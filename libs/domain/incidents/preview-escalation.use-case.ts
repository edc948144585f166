import { Injectable } from '@nestjs/common';
import { TemplateRenderer } from '@platform/mail';

import { EscalationMessage } from './escalation-message';
import { IncidentRepository } from './incident.repository';
import { IncidentNotFound } from './incidents.exceptions';
import { ESCALATION_MAIL } from './mail/escalation.mail';

/** The exact e-mail an escalation would send now, for staff to read before deciding. */
@Injectable()
export class PreviewEscalation {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly message: EscalationMessage,
    private readonly renderer: TemplateRenderer,
  ) {}

  async execute(incidentId: string): Promise<{ to: string[]; security: boolean; subject: string; html: string; text: string }> {
    const incident = await this.incidents.resolveSurvivor(incidentId);
    if (!incident) throw new IncidentNotFound();
    const draft = await this.message.draft(incident);
    const rendered = this.renderer.render(ESCALATION_MAIL, draft.data);
    return { to: draft.to, security: draft.security, ...rendered };
  }
}

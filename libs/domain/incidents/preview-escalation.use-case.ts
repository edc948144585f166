import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { TemplateRenderer } from '@platform/mail';

import { EscalationMessage } from './escalation-message';
import { IncidentRepository } from './incident.repository';
import { IncidentNotFound } from './incidents.exceptions';

/** The exact e-mail an escalation would send now, for staff to read before deciding. */
@Injectable()
export class PreviewEscalation {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly message: EscalationMessage,
    private readonly renderer: TemplateRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(incidentId: string): Promise<{ to: string[]; security: boolean; subject: string; html: string; text: string }> {
    const incident = await this.incidents.resolveSurvivor(incidentId);
    if (!incident) throw new IncidentNotFound();
    const draft = await this.message.draft(incident);
    const rendered = this.renderer.render('escalation', {
      ...draft.data,
      publicUrl: this.config.publicUrl,
      ksContact: this.config.ksContact,
    });
    return { to: draft.to, security: draft.security, ...rendered };
  }
}

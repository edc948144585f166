import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IncidentRepository } from './incident.repository';
import { messageBody } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentMessageRepository } from './incident-message.repository';
import { IncidentNotFound } from './incidents.exceptions';

/** A note for KS staff on an incident: never e-mailed, never shown to a municipality. */
@Injectable()
export class AddInternalNote {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly timeline: IncidentEventRepository,
  ) {}

  async execute(incidentId: string, input: { body: unknown }, actor: Actor): Promise<void> {
    const body = messageBody(input.body);
    await this.db.transaction(async () => {
      // Locked, so a merge cannot move the incident's messages while this one is being added.
      const incident = await this.incidents.lockSurvivor(incidentId);
      if (!incident) throw new IncidentNotFound();
      await this.messages.insert({
        incidentId: incident.id,
        direction: 'out',
        audience: 'internal',
        channel: 'desk',
        body,
        authorLabel: actor.label,
        consumerIds: [],
        reportId: null,
        recipients: [],
        messageIds: [],
        inboundMessageId: null,
      });
      await this.timeline.record(incident.id, 'note_added', actor.label, {});
    });
  }
}

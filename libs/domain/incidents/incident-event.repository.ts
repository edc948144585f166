import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IncidentEvent } from './incident-event.entity';

/** The incidents' timelines. */
@Injectable()
export class IncidentEventRepository {
  constructor(private readonly db: DatabaseContext) {}

  async add(incidentId: string, kind: string, actorLabel: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.db.repository(IncidentEvent).insert({ incidentId, kind, actorLabel, details: details as never });
  }

  ofIncident(incidentId: string): Promise<IncidentEvent[]> {
    return this.db.repository(IncidentEvent).find({ where: { incidentId }, order: { at: 'ASC', id: 'ASC' } });
  }
}

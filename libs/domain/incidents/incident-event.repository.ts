import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IncidentEvent } from './incident-event.entity';
import type { IncidentEventDetails, IncidentEventKind, IncidentTimelineEvent } from './incident-timeline';

/** The incidents' timelines. */
@Injectable()
export class IncidentEventRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** The one way an event enters a timeline: its details must be those of its kind. */
  async record<K extends IncidentEventKind>(
    incidentId: string,
    kind: K,
    actorLabel: string,
    details: IncidentEventDetails[K],
  ): Promise<void> {
    // TypeORM's partial-entity type allows no null inside a JSON column; the column takes any JSON.
    await this.db.repository(IncidentEvent).insert({ incidentId, kind, actorLabel, details: details as never });
  }

  /** Oldest first. Every row was written by `record`, so its details are those of its kind. */
  async ofIncident(incidentId: string): Promise<IncidentTimelineEvent[]> {
    const rows = await this.db.repository(IncidentEvent).find({ where: { incidentId }, order: { at: 'ASC', id: 'ASC' } });
    return rows as IncidentTimelineEvent[];
  }
}

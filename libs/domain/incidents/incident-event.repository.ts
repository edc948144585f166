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

  /** Of these incidents, those whose title staff set in a triage (the rest carry the first report's words). */
  async titledByStaff(incidentIds: string[]): Promise<Set<string>> {
    if (!incidentIds.length) return new Set();
    const rows: Array<{ incident_id: string }> = await this.db.manager.query(
      `SELECT DISTINCT incident_id FROM incident_event WHERE incident_id = ANY($1::uuid[]) AND kind = 'triaged' AND details ? 'title'`,
      [incidentIds],
    );
    return new Set(rows.map((r) => r.incident_id));
  }

  /** Oldest first. Every row was written by `record`, so its details are those of its kind. */
  async ofIncident(incidentId: string): Promise<IncidentTimelineEvent[]> {
    const rows = await this.db.repository(IncidentEvent).find({ where: { incidentId }, order: { at: 'ASC', id: 'ASC' } });
    return rows as IncidentTimelineEvent[];
  }
}

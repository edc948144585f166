import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In } from 'typeorm';

import { IncidentEvent } from './incident-event.entity';
import type { IncidentEventDetails, IncidentEventKind, IncidentTimelineEvent } from './incident-timeline';
import { THREAD_EVENT_KINDS, type ThreadEvent } from './rules/escalation-thread-news';

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

  /** The events of these kinds on these incidents, oldest first. */
  async ofIncidents(incidentIds: string[], kinds: readonly IncidentEventKind[]): Promise<IncidentTimelineEvent[]> {
    if (!incidentIds.length) return [];
    const rows = await this.db.repository(IncidentEvent).find({
      where: { incidentId: In(incidentIds), kind: In([...kinds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return rows as IncidentTimelineEvent[];
  }

  /** The moves of these incidents' threads to the security channel, oldest first. */
  async threadMoves(
    incidentIds: string[],
  ): Promise<Array<{ at: Date; actorLabel: string; details: IncidentEventDetails['escalation_moved'] }>> {
    return (await this.ofIncidents(incidentIds, ['escalation_moved'])).flatMap((e) => (e.kind === 'escalation_moved' ? [e] : []));
  }

  /** What the incident's thread to Skatteetaten has been told, as the rules of escalation-thread-news read it. */
  async threadNews(incidentId: string): Promise<ThreadEvent[]> {
    return (await this.ofIncidents([incidentId], THREAD_EVENT_KINDS)) as ThreadEvent[];
  }

  /**
   * The events on any incident that name this report: its intake (by id), moves and splits into an
   * incident and reopening (by reference), oldest first, each with the reference of the incident it is on.
   */
  async aboutReport(reportId: string, reference: string): Promise<Array<IncidentTimelineEvent & { incidentReference: string }>> {
    const rows: Array<{
      id: string;
      incident_id: string;
      at: Date;
      actor_label: string;
      kind: string;
      details: unknown;
      reference: string;
    }> = await this.db.manager.query(
      `SELECT e.id, e.incident_id, e.at, e.actor_label, e.kind, e.details, i.reference
         FROM incident_event e JOIN incident i ON i.id = e.incident_id
         WHERE (e.kind = 'report_received' AND e.details->>'reportId' = $1)
            OR (e.kind IN ('report_moved_in', 'reopened') AND e.details->>'report' = $2)
            OR (e.kind = 'opened' AND e.details->'reports' ? $2)
         ORDER BY e.at, e.id`,
      [reportId, reference],
    );
    return rows.map(
      (r) =>
        ({
          id: String(r.id),
          incidentId: r.incident_id,
          at: new Date(r.at),
          actorLabel: r.actor_label,
          kind: r.kind,
          details: r.details,
          incidentReference: r.reference,
        }) as IncidentTimelineEvent & { incidentReference: string },
    );
  }

  /** Oldest first. Every row was written by `record`, so its details are those of its kind. */
  async ofIncident(incidentId: string): Promise<IncidentTimelineEvent[]> {
    const rows = await this.db.repository(IncidentEvent).find({ where: { incidentId }, order: { at: 'ASC', id: 'ASC' } });
    return rows as IncidentTimelineEvent[];
  }
}

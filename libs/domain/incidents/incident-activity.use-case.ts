import { type Principal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { Incident } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import type { IncidentEventKind, IncidentTimelineEvent } from './incident-timeline';
import { ReportNotFound } from './incidents.exceptions';
import type { ReportChannel } from './report.entity';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';
import { mayReadIncidentContent } from './rules/incident-visibility';

/** The incident events another case's timeline shows: its state changes, escalation and resolution, not its conversation. */
export const INCIDENT_ACTIVITY_KINDS = [
  'opened',
  'triaged',
  'escalated',
  'escalation_sent',
  'escalation_cancelled',
  'resolved',
  'reopened',
  'merged_in',
  'merged_into',
  'split',
  'security_step',
] as const satisfies readonly IncidentEventKind[];

export type IncidentActivityKind = (typeof INCIDENT_ACTIVITY_KINDS)[number];

/** What happened to one report: received, grouped into an incident (or moved to another), its incident resolved or reopened. */
export type ReportActivityDetails = {
  received: { channel: ReportChannel };
  grouped: { action: 'attach' | 'open'; incident: string; score: number };
  moved: { incident: string };
  resolved: { incident: string };
  reopened: { incident: string };
};

export type ReportActivity = {
  [K in keyof ReportActivityDetails]: { of: 'report'; kind: K; details: ReportActivityDetails[K] };
}[keyof ReportActivityDetails];

export type IncidentActivity = {
  [K in IncidentActivityKind]: { of: 'incident'; kind: K; details: Extract<IncidentTimelineEvent, { kind: K }>['details'] };
}[IncidentActivityKind];

/** One event of a linked report or incident, as a staff member may see it. */
export interface CaseActivityEntry {
  /** Unique within its subject. */
  id: string;
  /** The report or incident asked about. */
  subjectId: string;
  /** The incident page where it is read (a report's: the incident that holds it now). */
  incidentId: string;
  at: Date;
  /** Null when restricted. */
  actorLabel: string | null;
  /**
   * A security case the caller may not read: only that something happened then is shown, not
   * what (`what` is null).
   */
  restricted: boolean;
  what: IncidentActivity | ReportActivity | null;
}

/**
 * What happened to reports and incidents, for staff reading them from another case (a ticket
 * linked to them). Security cases are shown to staff without `security-case.read` only as
 * "something happened then".
 */
@Injectable()
export class CaseActivity {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly events: IncidentEventRepository,
    private readonly reportAccess: ReportOwnership,
  ) {}

  async ofIncident(incidentId: string, caller: Principal): Promise<CaseActivityEntry[]> {
    await requireAccess(this.reportAccess, caller, 'incident.read', []);
    const incident = await this.incidents.find(incidentId);
    if (!incident) return [];
    const restricted = !mayReadIncidentContent(caller, incident);
    return (await this.events.ofIncidents([incident.id], INCIDENT_ACTIVITY_KINDS)).map((e) =>
      entry(`${e.id}`, incident.id, incident.id, e.at, e.actorLabel, restricted, {
        of: 'incident',
        kind: e.kind,
        details: e.details,
      } as IncidentActivity),
    );
  }

  async ofReport(reportId: string, caller: Principal): Promise<CaseActivityEntry[]> {
    await requireAccess(this.reportAccess, caller, 'report.read', [reportId]);
    const report = await this.reports.find(reportId);
    if (!report) throw new ReportNotFound();
    const incident: Incident | null = await this.incidents.resolveSurvivor(report.incidentId);
    if (!incident) return [];
    const restricted = !mayReadIncidentContent(caller, incident);
    const at = (id: string, when: Date, actor: string | null, what: ReportActivity) =>
      entry(id, report.id, incident.id, when, actor, restricted, what);
    const result: CaseActivityEntry[] = [
      at('received', report.receivedAt, null, { of: 'report', kind: 'received', details: { channel: report.channel } }),
    ];
    for (const e of await this.events.aboutReport(report.id, report.reference)) {
      // Grouped at intake: the same moment it was received (the event's own time is its transaction's start).
      if (e.kind === 'report_received')
        result.push(
          at(`${e.id}`, report.receivedAt, e.actorLabel, {
            of: 'report',
            kind: 'grouped',
            details: { action: e.details.action, incident: e.incidentReference, score: e.details.score },
          }),
        );
      else if (e.kind === 'reopened')
        result.push(at(`${e.id}`, e.at, e.actorLabel, { of: 'report', kind: 'reopened', details: { incident: e.incidentReference } }));
      else result.push(at(`${e.id}`, e.at, e.actorLabel, { of: 'report', kind: 'moved', details: { incident: e.incidentReference } }));
    }
    for (const e of await this.events.ofIncidents([incident.id], ['resolved']))
      if (e.at >= report.receivedAt)
        result.push(at(`${e.id}`, e.at, e.actorLabel, { of: 'report', kind: 'resolved', details: { incident: incident.reference } }));
    return result.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

function entry(
  id: string,
  subjectId: string,
  incidentId: string,
  at: Date,
  actorLabel: string | null,
  restricted: boolean,
  what: IncidentActivity | ReportActivity,
): CaseActivityEntry {
  return restricted
    ? { id, subjectId, incidentId, at, actorLabel: null, restricted, what: null }
    : { id, subjectId, incidentId, at, actorLabel, restricted, what };
}

import { ListAuditEntries } from '@domain/audit';
import { FindConsumers } from '@domain/consumers';
import type { Principal } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';

import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import type { IncidentTimelineEvent } from './incident-timeline';
import { SecurityCaseNotFound, SecurityCaseRestricted } from './incidents.exceptions';
import { ReportRepository } from './report.repository';
import { readsSecurityCases } from './rules/incident-visibility';
import { checklistComplete, requiredChecklistItems, type SecurityChecklist, securityClock } from './rules/security-clock';
import type { SecurityCase } from './security-case.entity';
import { SecurityCaseRepository } from './security-case.repository';

/** What every staff member sees of a case: that it exists, and its clock. */
export interface SecurityCaseSummary {
  incidentId: string;
  reference: string;
  receivedAt: Date;
  deadline: Date;
  state: ReturnType<typeof securityClock>['state'];
  remainingMs: number;
  /** Whether the caller may read what the case holds. */
  readable: boolean;
  /** Only when readable. */
  title?: string;
}

export interface SecurityCaseDetail extends SecurityCaseSummary {
  title: string;
  critical: boolean;
  checklist: SecurityChecklist;
  required: string[];
  complete: boolean;
  warningsSent: number[];
  reports: Array<{ id: string; reference: string; receivedAt: Date; consumerName: string | null; category: string; title: string }>;
}

/** The evidence a municipality keeps in its own breach record (GDPR art. 33(5)). */
export interface SecurityCaseEvidence extends SecurityCaseDetail {
  exportedAt: Date;
  timeline: Array<{ at: Date; actorLabel: string; kind: string; details: unknown }>;
  /** Who read the original personal data of a report, when and why. */
  personalDataRevealed: Array<{ at: Date; actorLabel: string; report: string; reason: string }>;
}

/**
 * Security cases: every staff member sees that a case exists and its clock; only the security
 * role and administrators (`security-case.read`) what it holds, and its evidence export.
 */
@Injectable()
export class SecurityCases {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: SecurityCaseRepository,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly consumers: FindConsumers,
    private readonly audit: ListAuditEntries,
  ) {}

  async list(caller: Principal, now = new Date()): Promise<SecurityCaseSummary[]> {
    const cases = await this.cases.all();
    const incidents = new Map((await this.incidents.findMany(cases.map((c) => c.incidentId))).map((i) => [i.id, i]));
    const readable = readsSecurityCases(caller);
    return cases.flatMap((c) => {
      const incident = incidents.get(c.incidentId);
      if (!incident) return [];
      const summary = this.summary(c, incident.reference, incident.severity === 'critical', readable, now);
      return [readable ? { ...summary, title: incident.title } : summary];
    });
  }

  async get(caller: Principal, incidentId: string, now = new Date()): Promise<SecurityCaseDetail> {
    const found = await this.cases.findByIncident(incidentId);
    if (!found) throw new SecurityCaseNotFound();
    if (!readsSecurityCases(caller)) throw new SecurityCaseRestricted();
    const incident = (await this.incidents.find(incidentId))!;
    const critical = incident.severity === 'critical';
    const reports = await this.reports.ofIncident(incidentId);
    const consumers = new Map(
      (await Promise.all([...new Set(reports.map((r) => r.consumerId))].map((id) => this.consumers.byId(id)))).flatMap((c) =>
        c ? [[c.id, c.name] as const] : [],
      ),
    );
    return {
      ...this.summary(found, incident.reference, critical, true, now),
      title: incident.title,
      critical,
      checklist: found.checklist,
      required: requiredChecklistItems(critical),
      complete: checklistComplete(found.checklist, critical),
      warningsSent: found.warningsSent,
      reports: reports.map((r) => ({
        id: r.id,
        reference: r.reference,
        receivedAt: r.receivedAt,
        consumerName: consumers.get(r.consumerId) ?? null,
        category: r.category,
        title: r.title,
      })),
    };
  }

  async evidence(caller: Principal, incidentId: string, now = new Date()): Promise<SecurityCaseEvidence> {
    const detail = await this.get(caller, incidentId, now);
    const events: IncidentTimelineEvent[] = await this.timeline.ofIncident(incidentId);
    const reveals = (
      await Promise.all(
        detail.reports.map(async (r) =>
          (await this.audit.execute({ action: 'report.personal_data_revealed', objectType: 'report', objectId: r.id })).map((a) => ({
            at: a.at,
            actorLabel: a.actorLabel,
            report: r.reference,
            reason: String((a.details as { reason?: unknown } | null)?.reason ?? ''),
          })),
        ),
      )
    )
      .flat()
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    return {
      ...detail,
      exportedAt: now,
      timeline: events.map((e) => ({ at: e.at, actorLabel: e.actorLabel, kind: e.kind, details: e.details })),
      personalDataRevealed: reveals,
    };
  }

  private summary(c: SecurityCase, reference: string, critical: boolean, readable: boolean, now: Date): SecurityCaseSummary {
    const clock = securityClock(c.receivedAt, now, this.config.securityWarnHours, checklistComplete(c.checklist, critical));
    return {
      incidentId: c.incidentId,
      reference,
      receivedAt: c.receivedAt,
      deadline: clock.deadline,
      state: clock.state,
      remainingMs: clock.remainingMs,
      readable,
    };
  }
}

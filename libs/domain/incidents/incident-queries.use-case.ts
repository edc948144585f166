import { FindConsumers } from '@domain/consumers';
import { type Environment, type Principal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { EscalationRepository } from './escalation.repository';
import { Incident, IncidentStatus, Severity } from './incident.entity';
import { IncidentFilter, IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentNotFound, ReportNotFound } from './incidents.exceptions';
import { MergeProposalRepository } from './merge-proposal.repository';
import { Report } from './report.entity';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';

export interface IncidentSummary {
  id: string;
  reference: string;
  title: string;
  status: string;
  side: string;
  severity: Severity | null;
  suggestedSeverity: Severity;
  environment: string;
  track: string;
  services: string[];
  errorCodes: string[];
  consumerCount: number;
  reportCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  escalated: boolean;
}

/** Impact as the usage terms grade it: breadth of a production problem decides, test is low. */
export function suggestedSeverity(environment: string, consumerCount: number, track: string): Severity {
  if (track === 'security') return 'high';
  if (environment !== 'production') return 'low';
  if (consumerCount >= 10) return 'critical';
  if (consumerCount >= 3) return 'high';
  return 'medium';
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The statuses of incidents that still need work. */
export const OPEN_STATUSES: IncidentStatus[] = ['new', 'triaged', 'escalated'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface QueueFilter extends IncidentFilter {
  /** Severity as staff see it: the one set, or the suggested one while none is set. */
  impact?: Severity[];
}

/** Read side of the incidents context: queue, incident page, report page (scoped to the caller). */
@Injectable()
export class IncidentQueries {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly mergeProposals: MergeProposalRepository,
    private readonly consumers: FindConsumers,
    private readonly reportAccess: ReportOwnership,
  ) {}

  async queue(filter: QueueFilter): Promise<IncidentSummary[]> {
    const { impact, ...stored } = filter;
    const list = await this.incidents.list(stored);
    const counts = await this.reports.countsByIncident(list.map((i) => i.id));
    const escalated = await this.escalations.escalatedAmong(list.map((i) => i.id));
    const all = list.map((i) => this.summary(i, counts.get(i.id), escalated.has(i.id)));
    const summaries = impact?.length ? all.filter((s) => impact.includes(s.severity ?? s.suggestedSeverity)) : all;
    // Sorted by impact: severity (set or suggested), then breadth, then recency.
    return summaries.sort(
      (a, b) =>
        SEVERITY_RANK[a.severity ?? a.suggestedSeverity] - SEVERITY_RANK[b.severity ?? b.suggestedSeverity] ||
        b.consumerCount - a.consumerCount ||
        b.lastSeenAt.getTime() - a.lastSeenAt.getTime(),
    );
  }

  summary(i: Incident, counts: { reports: number; consumers: number } | undefined, escalated: boolean): IncidentSummary {
    const consumerCount = counts?.consumers ?? 0;
    return {
      id: i.id,
      reference: i.reference,
      title: i.title,
      status: i.status,
      side: i.side,
      severity: i.severity,
      suggestedSeverity: suggestedSeverity(i.environment, consumerCount, i.track),
      environment: i.environment,
      track: i.track,
      services: i.services,
      errorCodes: i.errorCodes,
      consumerCount,
      reportCount: counts?.reports ?? 0,
      firstSeenAt: i.openedAt,
      lastSeenAt: i.lastSeenAt,
      escalated,
    };
  }

  /** The staff view of an incident; a merged incident answers as the one it was merged into. */
  async incident(id: string) {
    const requested = await this.incidents.find(id);
    if (!requested) throw new IncidentNotFound();
    const incident = (await this.incidents.resolveSurvivor(id))!;
    const stats = await this.reports.statsOf(incident.id);
    const escalation = await this.escalations.ofIncident(incident.id);
    const consumers = await this.consumers.byIds(stats.consumerIds);
    return {
      ...this.summary(incident, { reports: stats.reportCount, consumers: stats.consumerCount }, !!escalation),
      requestedId: requested.id,
      mergedFrom: requested.id !== incident.id ? requested.reference : undefined,
      consumers: consumers.map((c) => ({ id: c.id, name: c.name, orgNumber: c.orgNumber })),
      correlationIds: stats.correlationIds,
      errorCodes: stats.errorCodes,
      skeCaseReference: incident.skeCaseReference,
      resolutionMessage: incident.resolutionMessage,
      resolvedAt: incident.resolvedAt,
      escalation: escalation
        ? {
            id: escalation.id,
            to: escalation.to,
            security: escalation.security,
            escalatedAt: escalation.createdAt,
            escalatedBy: escalation.escalatedBy,
            followUps: escalation.followupCount,
            messageId: escalation.rootMessageId,
            status: escalation.status,
            sendAfter: escalation.status === 'pending' ? escalation.sendAfter : null,
          }
        : null,
    };
  }

  async incidentDetail(id: string) {
    const view = await this.incident(id);
    const reports = await this.reports.ofIncident(view.id, 1000);
    const consumers = new Map(view.consumers.map((c) => [c.id, c]));
    return {
      ...view,
      reports: reports.map((r) => ({ ...this.reportFields(r), consumer: consumers.get(r.consumerId) })),
      events: await this.timeline.ofIncident(view.id),
      proposals: await this.mergeProposals.ofIncident(view.id),
    };
  }

  /** Staff see any report; a consumer only its own (others' are simply not found). */
  async report(id: string, caller: Principal) {
    await requireAccess(this.reportAccess, caller, 'report.read', [id]);
    const report = await this.reports.find(id);
    if (!report) throw new ReportNotFound();
    const incident = (await this.incidents.resolveSurvivor(report.incidentId))!;
    const base = {
      ...this.reportFields(report),
      incidentId: incident.id,
      incidentReference: incident.reference,
      incidentStatus: incident.status,
    };
    if (caller.kind === 'consumer') return { ...base, match: undefined, resolutionMessage: incident.resolutionMessage };
    return { ...base, incidentTitle: incident.title };
  }

  async reportsOfConsumer(consumerId: string) {
    const reports = await this.reports.ofConsumer(consumerId);
    // Many reports share an incident: resolve each incident once, not once per report.
    const incidents = new Map<string, Incident | null>();
    for (const id of new Set(reports.map((r) => r.incidentId))) incidents.set(id, await this.incidents.resolveSurvivor(id));
    return reports.map((r) => {
      const incident = incidents.get(r.incidentId);
      return {
        ...this.reportFields(r),
        match: undefined,
        incidentId: incident?.id,
        incidentReference: incident?.reference,
        incidentStatus: incident?.status,
      };
    });
  }

  proposals() {
    return this.mergeProposals.open();
  }

  /** The counts on the staff dashboard; each equals what the matching queue filter lists. */
  async overview(): Promise<{ open: number; criticalOrHigh: number; escalated: number; awaitingTriage: number; proposals: number }> {
    const open = await this.queue({ status: OPEN_STATUSES, limit: 1000 });
    return {
      open: open.length,
      criticalOrHigh: open.filter((i) => SEVERITY_RANK[i.severity ?? i.suggestedSeverity] <= SEVERITY_RANK.high).length,
      escalated: open.filter((i) => i.status === 'escalated').length,
      awaitingTriage: open.filter((i) => i.status === 'new').length,
      proposals: (await this.mergeProposals.open(1000)).length,
    };
  }

  /** Whether any report has been received: a new installation's checklist waits for the first. */
  anyReport(): Promise<boolean> {
    return this.reports.any();
  }

  /** When each of these consumers' reports was received, to load a history only once. */
  receivedTimes(consumerIds: string[]): Promise<Array<{ consumerId: string; receivedAt: Date }>> {
    return this.reports.receivedTimes(consumerIds);
  }

  /** What staff type into a form (a reference such as KS-2025-0042, or an id) as the id of the incident that now holds its reports. */
  async idOf(referenceOrId: string): Promise<string> {
    const key = (referenceOrId ?? '').trim();
    const found = UUID.test(key) ? await this.incidents.find(key) : key ? await this.incidents.findByReference(key.toUpperCase()) : null;
    if (!found) throw new IncidentNotFound();
    return (await this.incidents.resolveSurvivor(found.id))!.id;
  }

  /** Open incidents by reference and title, for forms where staff name another incident. */
  async openIncidentChoices(environment: Environment): Promise<Array<{ id: string; reference: string; title: string }>> {
    return (await this.incidents.list({ status: OPEN_STATUSES, environment, limit: 500 })).map((i) => ({
      id: i.id,
      reference: i.reference,
      title: i.title,
    }));
  }

  /** Merge proposals with both incidents named: every open one, or all of one incident's. */
  async proposalViews(incidentId?: string) {
    const list = incidentId ? await this.mergeProposals.ofIncident(incidentId) : await this.mergeProposals.open();
    const ids = [...new Set(list.flatMap((p) => [p.survivorId, p.mergedId]))];
    const found = await Promise.all(ids.map((id) => this.incidents.find(id)));
    const byId = new Map(
      found.filter((i): i is Incident => !!i).map((i) => [i.id, { id: i.id, reference: i.reference, title: i.title, status: i.status }]),
    );
    return list.map((p) => ({
      id: p.id,
      status: p.status,
      score: p.score,
      reasons: p.reasons,
      createdAt: p.createdAt,
      decidedBy: p.decidedBy,
      survivor: byId.get(p.survivorId),
      merged: byId.get(p.mergedId),
    }));
  }

  private reportFields(r: Report) {
    return {
      id: r.id,
      reference: r.reference,
      consumerId: r.consumerId,
      incidentId: r.incidentId,
      channel: r.channel,
      service: r.service,
      environment: r.environment,
      category: r.category,
      title: r.title,
      description: r.description,
      occurredAt: r.occurredAt,
      receivedAt: r.receivedAt,
      httpStatus: r.httpStatus,
      errorCode: r.errorCode,
      correlationId: r.correlationId,
      hasWorkedBefore: r.hasWorkedBefore,
      vendorInvolved: r.vendorInvolved,
      status: r.status,
      personalDataMasked: r.personalDataMasked,
      pinned: r.pinned,
      match: r.match,
      suggestedArticles: r.suggestedArticles,
    };
  }
}

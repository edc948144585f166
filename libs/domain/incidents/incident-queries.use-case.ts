import { FindConsumers, FindConsumersWithAccess } from '@domain/consumers';
import { StaffGroups } from '@domain/identity';
import type { KnownIssue } from '@domain/notices';
import { type Environment, type Principal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@platform/database';
import { ListOutboxMessages } from '@platform/mail';

import { EscalationRepository } from './escalation.repository';
import { Incident, IncidentStatus, Severity } from './incident.entity';
import { IncidentFilter, IncidentRepository, type QueueSort } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentNotFound, ReportNotFound, SecurityCaseRestricted } from './incidents.exceptions';
import type { MergeProposal } from './merge-proposal.entity';
import { MergeProposalRepository } from './merge-proposal.repository';
import { Report } from './report.entity';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';
import { automaticUpdatesAllowed, mayReadIncidentContent, mayReadReportContent } from './rules/incident-visibility';

export type { QueueSort } from './incident.repository';

export interface IncidentSummary {
  id: string;
  reference: string;
  /** Empty when `restricted`. */
  title: string;
  /** A security case the caller may not read: only that it exists is shown, not its title or error codes. */
  restricted: boolean;
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
  /** Skatteetaten's operational message about it: a known issue, not escalated automatically. */
  knownIssue: KnownIssue | null;
  assignee: { id: string; name: string } | null;
  /** The assignment group it is with. */
  group: { id: string; name: string } | null;
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

/** Search terms beyond this are ignored: a query is a few words, not a paragraph. */
const MAX_TERMS = 5;

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
    private readonly access: FindConsumersWithAccess,
    private readonly reportAccess: ReportOwnership,
    private readonly groups: StaffGroups,
    private readonly mail: ListOutboxMessages,
  ) {}

  /** The queue by impact (severity set or suggested, then breadth, then recency) unless another sort is asked for. */
  async queue(filter: QueueFilter, caller?: Principal): Promise<IncidentSummary[]> {
    return (await this.queuePage(filter, { limit: filter.limit ?? 200 }, caller)).items;
  }

  /**
   * One page of the queue. The search `q` is split into words; each must be found in the
   * incident (reference, title, error code), in one of its reports (text, reference, error
   * code, HTTP status) or in the name of a municipality that reported it.
   */
  async queuePage(filter: QueueFilter, page: PageRequest<QueueSort>, caller?: Principal): Promise<Page<IncidentSummary>> {
    const { q, limit: _limit, ...rest } = filter;
    const words = (q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
    const terms = [];
    for (const text of words) terms.push({ text, consumerIds: await this.consumers.idsByName(text) });
    const hideSecurityContent = !mayReadIncidentContent(caller, { track: 'security', side: 'security' });
    const { items, total } = await this.incidents.queue({ ...rest, terms, hideSecurityContent }, page);
    return {
      total,
      items: await this.withGroupNames(
        items.map((r) => this.summary(r.incident, { reports: r.reportCount, consumers: r.consumerCount }, r.escalated, caller)),
      ),
    };
  }

  /** Fills in the names of the summaries' groups (kept by id, so a renamed group shows its new name). */
  private async withGroupNames<T extends IncidentSummary>(summaries: T[]): Promise<T[]> {
    const names = await this.groups.names(summaries.flatMap((s) => (s.group ? [s.group.id] : [])));
    return summaries.map((s) => (s.group ? { ...s, group: { id: s.group.id, name: names.get(s.group.id) ?? '' } } : s));
  }

  summary(
    i: Incident,
    counts: { reports: number; consumers: number } | undefined,
    escalated: boolean,
    caller?: Principal,
  ): IncidentSummary {
    const consumerCount = counts?.consumers ?? 0;
    const restricted = !mayReadIncidentContent(caller, i);
    return {
      id: i.id,
      reference: i.reference,
      title: restricted ? '' : i.title,
      restricted,
      status: i.status,
      side: i.side,
      severity: i.severity,
      suggestedSeverity: suggestedSeverity(i.environment, consumerCount, i.track),
      environment: i.environment,
      track: i.track,
      services: i.services,
      errorCodes: restricted ? [] : i.errorCodes,
      consumerCount,
      reportCount: counts?.reports ?? 0,
      firstSeenAt: i.openedAt,
      lastSeenAt: i.lastSeenAt,
      escalated,
      knownIssue: i.knownIssue ?? null,
      assignee: i.assigneeId ? { id: i.assigneeId, name: i.assigneeName ?? '' } : null,
      group: i.groupId ? { id: i.groupId, name: '' } : null,
    };
  }

  /**
   * The staff view of an incident; a merged incident answers as the one it was merged into. A
   * security-track incident is shown only to a `caller` who may read security cases.
   */
  async incident(id: string, caller?: Principal) {
    const requested = await this.incidents.find(id);
    if (!requested) throw new IncidentNotFound();
    const incident = (await this.incidents.resolveSurvivor(id))!;
    if (caller) assertSecurityReadable(incident, caller);
    const stats = await this.reports.statsOf(incident.id);
    const escalation = await this.escalations.ofIncident(incident.id);
    const consumers = await this.consumers.byIds(stats.consumerIds);
    const [summary] = await this.withGroupNames([
      this.summary(incident, { reports: stats.reportCount, consumers: stats.consumerCount }, !!escalation),
    ]);
    return {
      ...summary,
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
            updatesPaused: !automaticUpdatesAllowed(incident, escalation),
            movedToSecurityChannel: escalation.security ? await this.movedToSecurityChannel(incident.id) : null,
            messageId: escalation.rootMessageId,
            status: escalation.status,
            sendAfter: escalation.status === 'pending' ? escalation.sendAfter : null,
            // Whether the first message reached Skatteetaten's mail server: «sent» above says only that it was handed over.
            delivery: escalation.status === 'sent' ? await this.mail.deliveryOf(escalation.rootMessageId) : null,
          }
        : null,
    };
  }

  /** When and by whom the incident's thread was moved from the ordinary channel to the security channel. */
  private async movedToSecurityChannel(incidentId: string): Promise<{ at: Date; by: string } | null> {
    const move = (await this.timeline.threadMoves([incidentId])).at(-1);
    return move ? { at: move.at, by: move.actorLabel } : null;
  }

  async incidentDetail(id: string, caller?: Principal) {
    const view = await this.incident(id, caller);
    const reports = await this.reports.ofIncident(view.id, 1000);
    const consumers = new Map(view.consumers.map((c) => [c.id, c]));
    return {
      ...view,
      reports: reports.map((r) => ({ ...this.reportFields(r), consumer: consumers.get(r.consumerId) })),
      events: await this.timeline.ofIncident(view.id),
      proposals: await this.readableProposals(await this.mergeProposals.ofIncident(view.id), caller),
    };
  }

  /**
   * The staff page of an incident: its state, one page of the municipalities that reported it
   * (each with all its reports), the first and the newest reports with the page their
   * municipality is on, and the timeline. A fixed number of queries, whatever its size.
   * Each report says whether its municipality is registered for the service in the report's
   * environment: a report on a service it has no registered access to is often about access or
   * onboarding on its own side.
   */
  async incidentPage(id: string, page: { limit: number; offset: number }, caller?: Principal) {
    const view = await this.incident(id, caller);
    const consumers = new Map(view.consumers.map((c) => [c.id, c]));
    const groups = await this.reports.consumerGroups(view.id, page);
    const reports = await this.reports.ofIncidentFrom(
      view.id,
      groups.map((g) => g.consumerId),
    );
    const [first, newest] = [await this.reports.ofIncident(view.id, 1), await this.reports.ofIncident(view.id, 3, 'DESC')];
    // The newest besides the first: an incident of one or a few reports would list it twice.
    const later = newest.filter((r) => r.id !== first[0]?.id);
    const highlighted = [...first, ...later];
    const positions = await this.reports.groupPositions(view.id, [...new Set(highlighted.map((r) => r.consumerId))]);
    const shown = [...reports, ...highlighted];
    const registered = await this.access.registeredFor(
      shown.map((r) => r.consumerId),
      shown.map((r) => r.service),
      view.environment,
    );
    const row = (r: Report) => ({
      ...this.reportFields(r),
      consumer: consumers.get(r.consumerId),
      serviceRegistered: registered.get(r.consumerId)?.has(r.service) ?? false,
    });
    return {
      ...view,
      groups: groups.map((g) => ({
        consumerId: g.consumerId,
        reportCount: g.reports,
        firstAt: g.firstAt,
        lastAt: g.lastAt,
        consumer: consumers.get(g.consumerId),
        reports: reports.filter((r) => r.consumerId === g.consumerId).map(row),
      })),
      firstReport: first[0] ? { ...row(first[0]), groupPosition: positions.get(first[0].consumerId) ?? 1 } : null,
      newestReports: later.map((r) => ({ ...row(r), groupPosition: positions.get(r.consumerId) ?? 1 })),
      events: await this.timeline.ofIncident(view.id),
    };
  }

  /** The reference of a report on this incident (for the notice after staff register one), else undefined. */
  async reportReferenceOn(incidentId: string, reportId: string): Promise<string | undefined> {
    const report = /^[0-9a-f-]{36}$/i.test(reportId) ? await this.reports.find(reportId) : null;
    return report?.incidentId === incidentId ? report.reference : undefined;
  }

  /** A consumer's own report by its reference, as links in e-mail name it; others' are simply not found. */
  async ownReportId(consumerId: string, reference: string): Promise<string> {
    const id = await this.reports.idOfOwnReference(consumerId, reference.trim().toUpperCase());
    if (!id) throw new ReportNotFound();
    return id;
  }

  /** Any report's id by its reference, for staff naming it elsewhere (a ticket's link). */
  async reportIdOf(reference: string): Promise<string> {
    const id = await this.reports.idOfReference((reference ?? '').trim().toUpperCase());
    if (!id) throw new ReportNotFound();
    return id;
  }

  /** Staff see any report; a consumer only its own (others' are simply not found). */
  async report(id: string, caller: Principal) {
    await requireAccess(this.reportAccess, caller, 'report.read', [id]);
    const report = await this.reports.find(id);
    if (!report) throw new ReportNotFound();
    const incident = (await this.incidents.resolveSurvivor(report.incidentId))!;
    assertSecurityReadable(incident, caller);
    const base = {
      ...this.reportFields(report),
      incidentId: incident.id,
      incidentReference: incident.reference,
      incidentStatus: incident.status,
    };
    if (caller.kind === 'consumer') return { ...base, match: undefined, resolutionMessage: incident.resolutionMessage };
    return { ...base, incidentTitle: incident.title };
  }

  /**
   * A page of a consumer's reports, newest first, with how many it has in all; staff who may not
   * read a security case see its reports' references without their words.
   */
  async reportPageOfConsumer(consumerId: string, page: { limit: number; offset: number }, caller?: Principal) {
    const { items: reports, total } = await this.reports.pageOfConsumer(consumerId, page);
    // Many reports share an incident: resolve each incident once, not once per report.
    const incidents = new Map<string, Incident | null>();
    for (const id of new Set(reports.map((r) => r.incidentId))) incidents.set(id, await this.incidents.resolveSurvivor(id));
    const items = reports.map((r) => {
      const incident = incidents.get(r.incidentId);
      const restricted = !mayReadReportContent(caller, r, incident ?? { track: 'ordinary', side: 'undetermined' });
      return {
        ...this.reportFields(r),
        ...(restricted ? { title: '', description: '' } : {}),
        restricted,
        match: undefined,
        incidentId: incident?.id,
        incidentReference: incident?.reference,
        incidentStatus: incident?.status,
      };
    });
    return { items, total };
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

  /** A token that changes whenever the queue could have changed (live updates of open lists compare it). */
  queueVersion(): Promise<string> {
    return this.incidents.version();
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

  /** Open incidents by reference and title, for forms where staff name another incident; a security case by reference alone. */
  async openIncidentChoices(
    environment: Environment,
    caller?: Principal,
  ): Promise<Array<{ id: string; reference: string; title: string; restricted: boolean }>> {
    return (await this.incidents.list({ status: OPEN_STATUSES, environment, limit: 500 })).map((i) => {
      const restricted = !mayReadIncidentContent(caller, i);
      return { id: i.id, reference: i.reference, title: restricted ? '' : i.title, restricted };
    });
  }

  /**
   * Merge proposals with both incidents named: every open one, or all of one incident's. A
   * security case the caller may not read is named by its reference only, and the reasons (which
   * quote its words) are left out.
   */
  async proposalViews(incidentId?: string, caller?: Principal) {
    const list = incidentId ? await this.mergeProposals.ofIncident(incidentId) : await this.mergeProposals.open();
    const found = await this.incidents.findMany([...new Set(list.flatMap((p) => [p.survivorId, p.mergedId]))]);
    const byId = new Map(
      found.map((i) => {
        const restricted = !mayReadIncidentContent(caller, i);
        return [i.id, { id: i.id, reference: i.reference, title: restricted ? '' : i.title, status: i.status, restricted }];
      }),
    );
    return list.map((p) => {
      const [survivor, merged] = [byId.get(p.survivorId), byId.get(p.mergedId)];
      return {
        id: p.id,
        status: p.status,
        score: p.score,
        reasons: survivor?.restricted || merged?.restricted ? [] : p.reasons,
        restricted: !!(survivor?.restricted || merged?.restricted),
        createdAt: p.createdAt,
        decidedBy: p.decidedBy,
        survivor,
        merged,
      };
    });
  }

  /** Open merge proposals as the caller may see them (the API's list). */
  async proposals(caller?: Principal): Promise<MergeProposal[]> {
    return this.readableProposals(await this.mergeProposals.open(), caller);
  }

  /** Proposals whose reasons quote a security case the caller may not read lose those reasons. */
  private async readableProposals(list: MergeProposal[], caller?: Principal): Promise<MergeProposal[]> {
    const incidents = await this.incidents.findMany([...new Set(list.flatMap((p) => [p.survivorId, p.mergedId]))]);
    const hidden = new Set(incidents.filter((i) => !mayReadIncidentContent(caller, i)).map((i) => i.id));
    return list.map((p) => (hidden.has(p.survivorId) || hidden.has(p.mergedId) ? { ...p, reasons: [] } : p));
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
      vendorOrganisationNumber: r.vendorOrganisationNumber,
      vendorName: r.vendorName,
      status: r.status,
      personalDataMasked: r.personalDataMasked,
      pinned: r.pinned,
      match: r.match,
      suggestedArticles: r.suggestedArticles,
      knownIssue: r.knownIssue,
    };
  }
}

/** Staff without the security role see that a security case exists (GET /security-cases), never its incident's content. */
function assertSecurityReadable(incident: Pick<Incident, 'track' | 'side'>, caller: Principal): void {
  if (!mayReadIncidentContent(caller, incident)) throw new SecurityCaseRestricted();
}

/** A page of a municipality's own reports, each with the incident it belongs to now (the portal's list and the staff's tab). */
export type ConsumerReportPage = Awaited<ReturnType<IncidentQueries['reportPageOfConsumer']>>;

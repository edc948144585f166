/**
 * The grouping store in memory, with the database store's semantics (IncidentRepository.candidates):
 * the same candidate window and cap, the same wave count, the same profile arithmetic, the
 * same "older absorbs younger" merge. The offline evaluation runs the live grouping flow on it.
 */
import type { CandidateQuery, GroupingStore } from '@domain/incidents/grouping-flow';
import { addCounts, contributionOf, type ProfileCounts } from '@domain/incidents/rules/incident-profile';
import { type IncidentState, type ReportFacts, trackOf } from '@domain/incidents/rules/match-report';
import { CANDIDATE_LOOKBACK_MS, MAX_CANDIDATES, WAVE_WINDOW_MS } from '@domain/incidents/rules/matching.constants';
import type { MergeProposal } from '@domain/incidents/rules/recluster';
import { signalsOf } from '@domain/incidents/rules/report-signals';

interface MemIncident {
  id: string;
  environment: 'production' | 'test';
  track: 'ordinary' | 'security';
  openedAt: Date;
  lastReportAt: Date;
  profile: ProfileCounts;
  reports: ReportFacts[];
  mergedInto: string | null;
}

export class MemoryGroupingStore implements GroupingStore {
  private readonly incidents = new Map<string, MemIncident>();
  private readonly owner = new Map<string, string>();
  private seq = 0;
  readonly proposals = new Map<string, MergeProposal>();
  readonly merges: MergeProposal[] = [];
  readonly rejected = new Set<string>();

  async candidates(
    environment: 'production' | 'test',
    at: Date,
    { consumerId, alsoInclude = [], lookbackMs = CANDIDATE_LOOKBACK_MS }: CandidateQuery = {},
  ): Promise<IncidentState[]> {
    const now = at.getTime();
    const extra = new Set(alsoInclude);
    return [...this.incidents.values()]
      .filter(
        (i) =>
          !i.mergedInto &&
          i.environment === environment &&
          i.openedAt.getTime() <= now &&
          (now - i.lastReportAt.getTime() <= lookbackMs || extra.has(i.id)),
      )
      .sort((a, b) => b.lastReportAt.getTime() - a.lastReportAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, MAX_CANDIDATES)
      .map((i) => this.stateOf(i, now, consumerId));
  }

  private stateOf(i: MemIncident, now: number, consumerId?: string): IncidentState {
    const wave = new Set(
      i.reports.filter((r) => r.receivedAt.getTime() <= now && now - r.receivedAt.getTime() <= WAVE_WINDOW_MS).map((r) => r.consumerId),
    );
    const titles = consumerId ? i.reports.filter((r) => r.consumerId === consumerId).map((r) => r.title) : [];
    return {
      id: i.id,
      environment: i.environment,
      track: i.track,
      openedAt: i.openedAt,
      lastReportAt: i.lastReportAt,
      profile: i.profile,
      waveConsumers: wave.size,
      titlesOfConsumer: consumerId ? new Map([[consumerId, titles]]) : undefined,
    };
  }

  open(report: ReportFacts): string {
    const id = `inc-${String(++this.seq).padStart(4, '0')}`;
    this.incidents.set(id, {
      id,
      environment: report.environment,
      track: trackOf(report),
      openedAt: report.receivedAt,
      lastReportAt: report.receivedAt,
      profile: contributionOf(signalsOf(report)),
      reports: [report],
      mergedInto: null,
    });
    this.owner.set(report.id, id);
    return id;
  }

  attach(incidentId: string, report: ReportFacts): void {
    const i = this.incidents.get(incidentId)!;
    i.reports.push(report);
    i.profile = addCounts(i.profile, contributionOf(signalsOf(report)));
    if (report.receivedAt > i.lastReportAt) i.lastReportAt = report.receivedAt;
    this.owner.set(report.id, incidentId);
  }

  async rejectedPairs(): Promise<ReadonlySet<string>> {
    return this.rejected;
  }

  async merge(p: MergeProposal): Promise<string | null> {
    const survivor = this.incidents.get(p.survivorId);
    const merged = this.incidents.get(p.mergedId);
    if (!survivor || !merged || survivor.mergedInto || merged.mergedInto || survivor === merged) return null;
    survivor.reports.push(...merged.reports);
    survivor.profile = addCounts(survivor.profile, merged.profile);
    if (merged.openedAt < survivor.openedAt) survivor.openedAt = merged.openedAt;
    if (merged.lastReportAt > survivor.lastReportAt) survivor.lastReportAt = merged.lastReportAt;
    merged.mergedInto = survivor.id;
    for (const r of merged.reports) this.owner.set(r.id, survivor.id);
    this.merges.push(p);
    return survivor.id;
  }

  async propose(p: MergeProposal): Promise<void> {
    this.proposals.set(`${p.survivorId}|${p.mergedId}`, p);
  }

  /** The incident a report belongs to now (after merges). */
  incidentOf(reportId: string): string {
    return this.owner.get(reportId)!;
  }

  /** Follows merges to the incident that now holds an incident's reports. */
  survivorOf(incidentId: string): string {
    let i = this.incidents.get(incidentId)!;
    while (i.mergedInto) i = this.incidents.get(i.mergedInto)!;
    return i.id;
  }

  assignment(): Map<string, string> {
    return new Map(this.owner);
  }
}

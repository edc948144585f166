/**
 * Offline replay of report intake, exactly as the live system decides: reports in receivedAt
 * order, candidates as the repository would return them (same environment, opened at or before
 * the report, active within CANDIDATE_LOOKBACK_MS), matchReport → attach/open, and after each
 * report (or each batch, as the import API works in batches of 100) proposeMerges over recently
 * touched incidents with the certain merges applied. Then B-cubed scores against labels.
 * Pure: takes an array of rows, returns numbers and diagnostics; no file or console access.
 */
import { CANDIDATE_LOOKBACK_MS, MAX_SAMPLE } from './matching.constants';
import { matchReport, trackOf, type IncidentSnapshot, type MatchDecision, type ReportFacts } from './match-report';
import { proposeMerges, type MergeProposal } from './merge-incidents';

/** One line of the labelled JSONL dataset (see shared/datasets/README.md). */
export interface DatasetRow {
  ref: string;
  receivedAt: string;
  consumer: { orgNumber: string; name?: string };
  channel?: string;
  service: string;
  environment: 'production' | 'test';
  category: 'incident' | 'deviation' | 'security' | 'privacy';
  title: string;
  description: string;
  httpStatus?: number | null;
  errorCode?: string | null;
  correlationId?: string | null;
  occurredAt?: string | null;
  label?: { cluster: string; side: 'ske' | 'local' | 'security'; note?: string };
}

export function parseJsonl(text: string): DatasetRow[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as DatasetRow);
}

/** Strip the label: the matcher sees only what the intake API would store. */
export function toFacts(row: DatasetRow): ReportFacts {
  return {
    id: row.ref,
    consumerId: row.consumer.orgNumber,
    service: row.service,
    environment: row.environment,
    category: row.category,
    title: row.title,
    description: row.description,
    httpStatus: row.httpStatus ?? null,
    errorCode: row.errorCode ?? null,
    correlationId: row.correlationId ?? null,
    receivedAt: new Date(row.receivedAt),
    occurredAt: row.occurredAt ? new Date(row.occurredAt) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// In-memory incidents (what the database would hold)
// ---------------------------------------------------------------------------------------------

interface MemIncident {
  id: string;
  environment: 'production' | 'test';
  track: 'ordinary' | 'security';
  openedAt: Date;
  lastReportAt: Date;
  reports: ReportFacts[];
}

function snapshot(inc: MemIncident): IncidentSnapshot {
  const recent = inc.reports.slice(-MAX_SAMPLE);
  const sample = recent.includes(inc.reports[0]) ? recent : [inc.reports[0], ...recent];
  return {
    id: inc.id,
    environment: inc.environment,
    track: inc.track,
    openedAt: inc.openedAt,
    lastReportAt: inc.lastReportAt,
    services: unique(inc.reports.map((r) => r.service)),
    errorCodes: unique(inc.reports.map((r) => r.errorCode).filter((c): c is string => !!c)),
    consumerIds: unique(inc.reports.map((r) => r.consumerId)),
    reportCount: inc.reports.length,
    recentReports: sample,
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export interface ReplayOptions {
  /** run proposeMerges after every n reports (1 = after each report, 100 = per import batch) */
  mergeEvery?: number;
  /** incidents touched within this window are re-examined for merges */
  mergeLookbackMs?: number;
}

export interface DecisionLog {
  reportId: string;
  decision: MatchDecision;
}

export interface ReplayResult {
  /** report id → final incident id (after merges) */
  assignment: Map<string, string>;
  decisions: DecisionLog[];
  appliedMerges: MergeProposal[];
  /** non-certain proposals staff would have seen (last proposal per pair) */
  proposedMerges: MergeProposal[];
}

export function replay(reports: readonly ReportFacts[], options: ReplayOptions = {}): ReplayResult {
  const mergeEvery = options.mergeEvery ?? 1;
  const mergeLookback = options.mergeLookbackMs ?? CANDIDATE_LOOKBACK_MS;
  const ordered = [...reports].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
  const incidents = new Map<string, MemIncident>();
  const owner = new Map<string, string>(); // report id → incident id
  const decisions: DecisionLog[] = [];
  const appliedMerges: MergeProposal[] = [];
  const proposed = new Map<string, MergeProposal>();
  let seq = 0;

  ordered.forEach((report, index) => {
    const now = report.receivedAt.getTime();
    const candidates = [...incidents.values()]
      .filter((i) => i.environment === report.environment && i.openedAt.getTime() <= now && now - i.lastReportAt.getTime() <= CANDIDATE_LOOKBACK_MS)
      .map(snapshot);
    const decision = matchReport(report, candidates);
    decisions.push({ reportId: report.id, decision });
    if (decision.action === 'attach' && decision.incidentId && incidents.has(decision.incidentId)) {
      const inc = incidents.get(decision.incidentId)!;
      inc.reports.push(report);
      inc.lastReportAt = new Date(Math.max(inc.lastReportAt.getTime(), now));
      owner.set(report.id, inc.id);
    } else {
      const id = `inc-${String(++seq).padStart(4, '0')}`;
      incidents.set(id, { id, environment: report.environment, track: trackOf(report), openedAt: report.receivedAt, lastReportAt: report.receivedAt, reports: [report] });
      owner.set(report.id, id);
    }

    const batchEnd = (index + 1) % mergeEvery === 0 || index === ordered.length - 1;
    if (batchEnd) runMerges(incidents, owner, now, mergeLookback, appliedMerges, proposed);
  });

  return { assignment: owner, decisions, appliedMerges, proposedMerges: [...proposed.values()] };
}

/** Apply certain merges per environment until none is left (a merge can enable another). */
function runMerges(
  incidents: Map<string, MemIncident>,
  owner: Map<string, string>,
  now: number,
  lookbackMs: number,
  applied: MergeProposal[],
  proposed: Map<string, MergeProposal>,
): void {
  for (const env of ['production', 'test'] as const) {
    for (let round = 0; round < 20; round++) {
      const recent = [...incidents.values()].filter((i) => i.environment === env && now - i.lastReportAt.getTime() <= lookbackMs);
      const proposals = proposeMerges(recent.map(snapshot));
      const certain = proposals.filter((p) => p.certain);
      for (const p of proposals) if (!p.certain) proposed.set(`${p.survivorId}|${p.mergedId}`, p);
      if (certain.length === 0) break;
      for (const p of certain) applyMerge(incidents, owner, p, applied);
    }
  }
}

function applyMerge(incidents: Map<string, MemIncident>, owner: Map<string, string>, p: MergeProposal, applied: MergeProposal[]): void {
  const survivor = incidents.get(p.survivorId);
  const merged = incidents.get(p.mergedId);
  if (!survivor || !merged || survivor === merged) return;
  survivor.reports = [...survivor.reports, ...merged.reports].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
  survivor.lastReportAt = new Date(Math.max(survivor.lastReportAt.getTime(), merged.lastReportAt.getTime()));
  survivor.openedAt = new Date(Math.min(survivor.openedAt.getTime(), merged.openedAt.getTime()));
  for (const r of merged.reports) owner.set(r.id, survivor.id);
  incidents.delete(merged.id);
  applied.push(p);
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

/**
 * B-cubed over `items` (default: all labelled ids). For each item: precision = |pred ∩ true| /
 * |pred|, recall = |pred ∩ true| / |true|, averaged; clusters are taken over *all* ids, so
 * foreign reports wrongly merged into a cluster still cost precision.
 */
export function bcubed(pred: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>, items?: Iterable<string>): BCubed {
  const predMembers = groupBy(pred);
  const trueMembers = groupBy(truth);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const id of items ?? truth.keys()) {
    const pc = predMembers.get(pred.get(id)!) ?? new Set([id]);
    const tc = trueMembers.get(truth.get(id)!)!;
    let both = 0;
    for (const x of pc) if (tc.has(x)) both++;
    p += both / pc.size;
    r += both / tc.size;
    n++;
  }
  const precision = n ? p / n : 0;
  const recall = n ? r / n : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, items: n };
}

function groupBy(m: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, c] of m) {
    const s = out.get(c) ?? new Set<string>();
    s.add(id);
    out.set(c, s);
  }
  return out;
}

export interface Evaluation {
  overall: BCubed;
  ske: BCubed;
  mixedSideIncidents: number;
  predictedIncidents: number;
  trueClusters: number;
  result: ReplayResult;
  diagnostics: string[];
}

export function evaluate(rows: readonly DatasetRow[], options: ReplayOptions = {}): Evaluation {
  const labelled = rows.filter((r) => r.label);
  const result = replay(labelled.map(toFacts), options);
  const truth = new Map(labelled.map((r) => [r.ref, r.label!.cluster]));
  const side = new Map(labelled.map((r) => [r.ref, r.label!.side]));
  const overall = bcubed(result.assignment, truth);
  const ske = bcubed(result.assignment, truth, labelled.filter((r) => r.label!.side === 'ske').map((r) => r.ref));
  const predGroups = groupBy(result.assignment);
  let mixed = 0;
  for (const members of predGroups.values()) if (new Set([...members].map((id) => side.get(id))).size > 1) mixed++;
  return {
    overall,
    ske,
    mixedSideIncidents: mixed,
    predictedIncidents: predGroups.size,
    trueClusters: new Set(truth.values()).size,
    result,
    diagnostics: diagnose(labelled, result),
  };
}

/** Human-readable list of split clusters and wrongly merged incidents, with decision reasons. */
export function diagnose(rows: readonly DatasetRow[], result: ReplayResult): string[] {
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  const decisionOf = new Map(result.decisions.map((d) => [d.reportId, d.decision]));
  const truth = new Map(rows.map((r) => [r.ref, r.label!.cluster]));
  const trueGroups = groupBy(truth);
  const predGroups = groupBy(result.assignment);
  const lines: string[] = [];
  const describe = (ref: string): string => {
    const r = byRef.get(ref)!;
    const d = decisionOf.get(ref);
    const how = d ? `${d.action}${d.incidentId ? ' ' + d.incidentId : ''} ${d.score.toFixed(2)} [${d.reasons.slice(0, 6).join('; ')}]` : '';
    return `    ${ref} ${r.receivedAt.slice(5, 16)} ${r.consumer.name ?? r.consumer.orgNumber} ${r.service}/${r.environment} ${r.httpStatus ?? '-'} ${r.errorCode ?? '-'} | ${r.title} | ${how}`;
  };
  for (const [cluster, members] of trueGroups) {
    const parts = groupBy(new Map([...members].map((id) => [id, result.assignment.get(id)!])));
    if (parts.size <= 1) continue;
    const sizes = [...parts.entries()].sort((a, b) => b[1].size - a[1].size);
    lines.push(`SPLIT ${cluster} (${members.size}) → ${sizes.map(([inc, s]) => `${inc}:${s.size}`).join(' ')}`);
    for (const [, s] of sizes.slice(1)) for (const ref of s) lines.push(describe(ref));
  }
  for (const [inc, members] of predGroups) {
    const clusters = groupBy(new Map([...members].map((id) => [id, truth.get(id)!])));
    if (clusters.size <= 1) continue;
    const sizes = [...clusters.entries()].sort((a, b) => b[1].size - a[1].size);
    lines.push(`MERGED ${inc} (${members.size}) ← ${sizes.map(([c, s]) => `${c}:${s.size}`).join(' ')}`);
    for (const [, s] of sizes.slice(1)) for (const ref of s) lines.push(describe(ref));
  }
  for (const p of result.appliedMerges) lines.push(`applied merge ${p.mergedId} → ${p.survivorId} ${p.score} [${p.reasons.slice(0, 3).join('; ')}]`);
  return lines;
}

/**
 * "Evidence grows": after more reports have arrived, two open incidents may turn out to be
 * one problem. Two rules:
 *  1. Convergence: incidents close in time whose reports match each other on average as well
 *     as a report matches its own incident (same scoring as matchReport, averaged so one
 *     lucky pair does not decide).
 *     A bare local-looking incident (one municipality, "403 Forbidden") may converge only with
 *     an incident that already spans several municipalities; sharing its exact symptom
 *     (service + code, or service + 4xx kind) then counts as extra evidence.
 *  2. Local-looking burst: several municipalities each reporting the same client-error symptom
 *     (403 SSG-008, invalid_scope, 429) on one service within a short window is a provider-side
 *     problem, not N coincident local mistakes — merge them into one incident.
 * Never merged: different environments or tracks, security cases, a stated local cause, a
 * platform-wide outage with a single service's own fault. Survivor is always the older incident.
 * Pure function; the caller applies the certain proposals and shows the others to staff.
 */
import {
  CANDIDATE_LOOKBACK_MS,
  LOCAL_BURST_MIN_CONSUMERS,
  LOCAL_BURST_WINDOW_MS,
  MERGE_CERTAIN_THRESHOLD,
  MERGE_PROPOSE_THRESHOLD,
  PROVIDER_EVIDENCE_CONSUMERS,
  W_MERGE_SHARED_SYMPTOM,
  W_TIME,
} from './matching.constants';
import { formatGap, isOutageOnly, pairEvidence, timeFit, viewOf, type IncidentSnapshot, type IncidentView } from './match-report';
import type { ReportSignals, SymptomKind } from './report-signals';

export interface MergeProposal {
  survivorId: string;
  mergedId: string;
  score: number;
  certain: boolean;
  reasons: string[];
}

export function proposeMerges(incidents: IncidentSnapshot[]): MergeProposal[] {
  const views = incidents
    .filter((i) => i.track === 'ordinary') // security cases are never merged automatically
    .map(viewOf)
    .sort(byAge);
  const proposals = [...burstMerges(views), ...convergenceMerges(views)];
  return resolve(proposals);
}

function byAge(a: IncidentView, b: IncidentView): number {
  return a.snapshot.openedAt.getTime() - b.snapshot.openedAt.getTime() || a.snapshot.id.localeCompare(b.snapshot.id);
}

// ---------------------------------------------------------------------------------------------
// Rule 1: convergence in time and content
// ---------------------------------------------------------------------------------------------

function convergenceMerges(views: readonly IncidentView[]): MergeProposal[] {
  const out: MergeProposal[] = [];
  for (let j = 1; j < views.length; j++) {
    for (let i = 0; i < j; i++) {
      const p = convergence(views[i], views[j]);
      if (p) out.push(p);
    }
  }
  return out;
}

/** Why two incidents may never be merged, or null. Mirrors matchReport's hard rules. */
function mergeBlocker(older: IncidentView, younger: IncidentView): string | null {
  const a = older.snapshot;
  const b = younger.snapshot;
  if (a.environment !== b.environment) return 'annet miljø';
  if (a.track !== b.track) return 'annet spor';
  const sharesService = [...younger.services].some((s) => older.services.has(s));
  if (!sharesService && !(older.platform && younger.platform)) return 'ulike tjenester';
  if (b.openedAt.getTime() - a.lastReportAt.getTime() > CANDIDATE_LOOKBACK_MS) return 'for langt fra hverandre i tid';
  // A platform-wide outage and a single service's own fault stay apart (see eligibility).
  if (younger.platform && !older.platform) return 'plattformfeil mot tjenestefeil';
  if (older.platform && younger.platformOk) return 'plattformen virker for den andre';
  const sameConsumers = older.consumers.size === younger.consumers.size && [...older.consumers].every((c) => younger.consumers.has(c));
  if (sameConsumers) return null;
  if (older.explicitLocal || younger.explicitLocal) return 'lokal årsak hos én konsument';
  // A local-looking single-consumer incident joins another one only when that one already
  // spans several municipalities (then it is the provider's problem); otherwise only through
  // the burst rule.
  if (older.symptomLocalOnly && younger.symptomLocalOnly) return 'lokalt symptom';
  if (older.symptomLocalOnly && younger.consumers.size < PROVIDER_EVIDENCE_CONSUMERS) return 'lokalt symptom';
  if (younger.symptomLocalOnly && older.consumers.size < PROVIDER_EVIDENCE_CONSUMERS) return 'lokalt symptom';
  return null;
}

function convergence(older: IncidentView, younger: IncidentView): MergeProposal | null {
  if (mergeBlocker(older, younger) !== null) return null;
  const gap = Math.max(0, younger.snapshot.openedAt.getTime() - older.snapshot.lastReportAt.getTime());
  const outage = isOutageOnly(younger.kinds);
  const fit = timeFit(gap, outage);
  if (fit <= 0) return null;

  // Average, over the younger incident's reports, of their best match in the older one.
  const content = mean(younger.samples.map((s) => bestPair(s, older.samples)));
  const reasons = [
    `åpnet ${formatGap(gap)} etter forrige melding i eldste hendelse`,
    `gjennomsnittlig innholdstreff ${content.score.toFixed(2)} over ${younger.samples.length} meldinger`,
  ];
  let raw = content.score + W_TIME * fit;
  // A bare local-looking report with exactly the symptom of a multi-municipality incident
  // (mergeBlocker ensured the other side has several) was an early sign of that problem.
  const shared = sharedSymptom(older, younger);
  if ((older.symptomLocalOnly || younger.symptomLocalOnly) && shared) {
    raw += W_MERGE_SHARED_SYMPTOM;
    reasons.push(`samme symptom (${shared}) som en hendelse hos flere konsumenter`);
  }
  const score = round(clamp01(raw));
  if (score < MERGE_PROPOSE_THRESHOLD) return null;
  return {
    survivorId: older.snapshot.id,
    mergedId: younger.snapshot.id,
    score,
    certain: score >= MERGE_CERTAIN_THRESHOLD,
    reasons: [...reasons, ...content.reasons],
  };
}

function sharedSymptom(a: IncidentView, b: IncidentView): string | null {
  const keys = new Set(symptomKeys(b));
  const hit = symptomKeys(a).find((k) => keys.has(k));
  return hit ? hit.split('|').slice(1).join(', ') : null;
}

function bestPair(s: ReportSignals, others: readonly ReportSignals[]): { score: number; reasons: string[] } {
  let best = { score: 0, reasons: [] as string[] };
  let first = true;
  for (const o of others) {
    const e = pairEvidence(s, o);
    if (first || e.score > best.score) best = e;
    first = false;
  }
  return best;
}

function mean(items: Array<{ score: number; reasons: string[] }>): { score: number; reasons: string[] } {
  if (items.length === 0) return { score: 0, reasons: [] };
  const sorted = [...items].sort((a, b) => b.score - a.score);
  return { score: items.reduce((s, x) => s + x.score, 0) / items.length, reasons: sorted[0].reasons };
}

// ---------------------------------------------------------------------------------------------
// Rule 2: many consumers with the same local-looking symptom at once
// ---------------------------------------------------------------------------------------------

/** The symptom a local-looking incident shows: service + code, or service + status class. */
function symptomKeys(view: IncidentView): string[] {
  const keys = new Set<string>();
  for (const s of view.samples) {
    const where = `${s.environment}|${s.service}`;
    for (const code of s.errorCodes) keys.add(`${where}|${code}`);
    for (const cls of s.statusClasses) if (cls === '4xx') keys.add(`${where}|${cls}|${kindKey(s.kinds)}`);
  }
  return [...keys];
}

/** Status class alone is coarse (401 vs 403 vs 429): refine it by the symptom kind. */
function kindKey(kinds: ReadonlySet<SymptomKind>): string {
  if (kinds.has('rate')) return 'rate';
  if (kinds.has('access')) return 'access';
  return 'other';
}

function burstMerges(views: readonly IncidentView[]): MergeProposal[] {
  const eligible = views.filter((v) => !v.explicitLocal && (v.symptomLocalOnly || v.providerEvident));
  const byKey = new Map<string, IncidentView[]>();
  for (const v of eligible) {
    for (const key of symptomKeys(v)) {
      const list = byKey.get(key) ?? [];
      list.push(v);
      byKey.set(key, list);
    }
  }
  const out: MergeProposal[] = [];
  for (const [key, group] of byKey) {
    // Only groups that contain a local-looking incident need this rule; the rest converge normally.
    if (!group.some((v) => v.symptomLocalOnly)) continue;
    for (const window of burstWindows(group)) {
      const consumers = new Set(window.flatMap((v) => [...v.consumers]));
      if (consumers.size < LOCAL_BURST_MIN_CONSUMERS) continue;
      const survivor = window[0];
      for (const v of window.slice(1)) {
        out.push({
          survivorId: survivor.snapshot.id,
          mergedId: v.snapshot.id,
          score: 1,
          certain: true,
          reasons: [
            `${consumers.size} konsumenter med samme symptom (${key.split('|').slice(1).join(', ')}) innen ${formatGap(LOCAL_BURST_WINDOW_MS)}`,
            'lokalt utseende symptom hos mange samtidig peker på leverandøren',
          ],
        });
      }
    }
  }
  return out;
}

/** Maximal runs of incidents (sorted by age) whose openings lie within LOCAL_BURST_WINDOW_MS. */
function burstWindows(group: readonly IncidentView[]): IncidentView[][] {
  const sorted = [...group].sort(byAge);
  const windows: IncidentView[][] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end].snapshot.openedAt.getTime() - sorted[start].snapshot.openedAt.getTime() > LOCAL_BURST_WINDOW_MS) start++;
    if (end === sorted.length - 1 || sorted[end + 1].snapshot.openedAt.getTime() - sorted[start].snapshot.openedAt.getTime() > LOCAL_BURST_WINDOW_MS) {
      windows.push(sorted.slice(start, end + 1));
    }
  }
  return windows;
}

// ---------------------------------------------------------------------------------------------
// Resolution: each incident merged at most once, into the oldest of its group
// ---------------------------------------------------------------------------------------------

function resolve(proposals: MergeProposal[]): MergeProposal[] {
  const sorted = [...proposals].sort((a, b) => b.score - a.score || a.survivorId.localeCompare(b.survivorId) || a.mergedId.localeCompare(b.mergedId));
  const mergedAway = new Set<string>();
  const survivors = new Set<string>();
  const out: MergeProposal[] = [];
  const seenPair = new Set<string>();
  for (const p of sorted) {
    const pair = `${p.survivorId}|${p.mergedId}`;
    if (seenPair.has(pair) || p.survivorId === p.mergedId) continue;
    // An incident already merged away, or already a survivor of another merge, waits for the next
    // round: that keeps every applied merge a simple "older absorbs younger" step.
    if (mergedAway.has(p.mergedId) || mergedAway.has(p.survivorId) || survivors.has(p.mergedId)) continue;
    seenPair.add(pair);
    out.push(p);
    if (p.certain) {
      mergedAway.add(p.mergedId);
      survivors.add(p.survivorId);
    }
  }
  return out;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

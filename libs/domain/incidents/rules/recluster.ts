/**
 * Re-clustering: evidence grows after the first decision. Incidents opened in parallel in the
 * first minutes of a wave, or a slow deviation whose early phrasings did not yet meet, turn out
 * to be one problem once more reports have arrived. Two rules, over open incidents of one
 * environment:
 *  1. Convergence: two incidents whose profiles (text, statuses, codes, symptom kinds, platform
 *     cause) agree, close in time, scored on the same scale as matching a report.
 *  2. Local-looking burst: several municipalities each reporting the same client-error symptom
 *     (the same code, or the same 4xx status) on one service within a short window is one
 *     provider-side problem, not many coincident local mistakes.
 * Never merged: different environments or tracks, security cases, one municipality's stated
 * local problem with another municipality's incident. The older incident is proposed as survivor.
 * Pure; the caller applies certain merges and shows the others to staff.
 */
import type { CorpusStats } from './corpus-stats';
import { incidentToIncident } from './feature-similarity';
import { distributionOverlap, type IncidentProfile, profileOf } from './incident-profile';
import {
  displayFeature,
  displayScore,
  formatGap,
  type IncidentState,
  isExplicitLocal,
  isPlatformWide,
  isProviderEvident,
  isSymptomLocal,
  kindShareOf,
  outageShare,
  specificText,
  timeFit,
} from './match-report';
import * as C from './matching.constants';
import type { SymptomKind } from './report-signals';

export interface MergeProposal {
  survivorId: string;
  mergedId: string;
  score: number;
  certain: boolean;
  reasons: string[];
}

interface View {
  state: IncidentState;
  p: IncidentProfile;
}

function byAge(a: View, b: View): number {
  return a.state.openedAt.getTime() - b.state.openedAt.getTime() || a.state.id.localeCompare(b.state.id);
}

/**
 * Merges among `incidents`; with `focus`, only pairs involving one of those incidents (the ones
 * that just changed), which keeps the check after each report cheap.
 */
export function findMerges(
  incidents: readonly IncidentState[],
  corpus: CorpusStats,
  focus?: ReadonlySet<string>,
  rejected?: ReadonlySet<string>,
): MergeProposal[] {
  const views = incidents
    .filter((i) => i.track === 'ordinary')
    .map((state) => ({ state, p: profileOf(state.profile) }))
    .sort(byAge);
  const out: MergeProposal[] = [...burstMerges(views)];
  for (let j = 1; j < views.length; j++) {
    for (let i = 0; i < j; i++) {
      if (focus && !focus.has(views[i].state.id) && !focus.has(views[j].state.id)) continue;
      const p = convergence(views[i], views[j], corpus);
      if (p) out.push(p);
    }
  }
  return resolve(out.filter((p) => !rejected?.has(`${p.survivorId}|${p.mergedId}`)));
}

/** Why two incidents may never be merged, or null. Mirrors matching's hard rules. */
function mergeBlocker(older: View, younger: View): string | null {
  const a = older.state;
  const b = younger.state;
  if (a.environment !== b.environment) return 'annet miljø';
  if (a.track !== b.track) return 'annet spor';
  const gap = b.openedAt.getTime() - a.lastReportAt.getTime();
  if (gap > C.CANDIDATE_LOOKBACK_MS) return 'for langt fra hverandre i tid';
  const sharesService = [...younger.p.services.keys()].some((s) => older.p.services.has(s));
  if (!sharesService) {
    const platform = isPlatformWide(older.p) || isPlatformWide(younger.p);
    const sameFailure =
      (outageShare(older.p) >= 0.5 && outageShare(younger.p) >= 0.5) ||
      distributionOverlap(older.p.statuses, older.p.withStatus, younger.p.statuses, younger.p.withStatus) >= 0.5;
    if (!platform || !sameFailure || Math.abs(gap) > C.CROSS_SERVICE_GAP_MS) return 'ulike tjenester';
  }
  const sameConsumers =
    older.p.consumers.size === younger.p.consumers.size && [...older.p.consumers.keys()].every((c) => younger.p.consumers.has(c));
  if (sameConsumers) return null;
  if (isExplicitLocal(older.p) || isExplicitLocal(younger.p)) return 'lokal årsak hos én konsument';
  // A bare local-looking incident joins another only when that one already spans several
  // municipalities (then it is the provider's problem); otherwise only through the burst rule.
  if (isSymptomLocal(older.p) && !isProviderEvident(younger.p)) return 'lokalt symptom';
  if (isSymptomLocal(younger.p) && !isProviderEvident(older.p)) return 'lokalt symptom';
  return null;
}

/** Most of an incident's reports carry this kind of value (statuses, codes): it can conflict. */
function mostlyCarries(carrying: number, reports: number): boolean {
  return carrying > 0 && carrying >= C.DOMINANT_SHARE * reports;
}

/**
 * Two incidents scored on the scale of matching a report. Evidence against them being one
 * problem (other codes or statuses, another kind of symptom, one person against many) makes a
 * merge at most a proposal for staff, never automatic.
 */
function convergence(older: View, younger: View, corpus: CorpusStats): MergeProposal | null {
  if (mergeBlocker(older, younger) !== null) return null;
  const a = older.p;
  const b = younger.p;
  const gap = Math.max(0, younger.state.openedAt.getTime() - older.state.lastReportAt.getTime());
  const outage = outageShare(a) >= C.DOMINANT_SHARE && outageShare(b) >= C.DOMINANT_SHARE;
  const fit = timeFit(gap, outage);
  if (fit <= 0) return null;
  const reasons = [`åpnet ${formatGap(gap)} etter forrige melding i eldste hendelse`];
  const eventLike = outageShare(a) >= C.DOMINANT_SHARE || outageShare(b) >= C.DOMINANT_SHARE;
  let score = (eventLike ? C.W_TIME : C.W_TIME_STATE) * fit;
  let conflict = false;
  const against = (weight: number, reason: string) => {
    score -= weight;
    conflict = true;
    reasons.push(reason);
  };

  const shared = [...a.services.keys()].filter((x) => b.services.has(x));
  const weigh = corpus.weigher(shared.length === 1 ? shared[0] : undefined);
  const text = incidentToIncident(a, b, weigh);
  score += C.W_TEXT * Math.min(1, text.score / C.FULL_TEXT);
  reasons.push(`teksttreff ${displayScore(text.score)}${text.top.length ? ` (${text.top.map(displayFeature).join(', ')})` : ''}`);

  const sharedCode = distributionOverlap(a.codes, a.withCode, b.codes, b.withCode) > 0;
  if (sharedCode) {
    score += C.W_CODE;
    reasons.push('samme feilkode');
  } else if (mostlyCarries(a.withCode, a.reports) && mostlyCarries(b.withCode, b.reports)) against(C.W_CODE_CONFLICT, 'ulike feilkoder');

  const statuses = distributionOverlap(a.statuses, a.withStatus, b.statuses, b.withStatus);
  if (statuses >= C.MINOR_SHARE) score += C.W_STATUS;
  else if (statuses < C.STRAY_SHARE && mostlyCarries(a.withStatus, a.reports) && mostlyCarries(b.withStatus, b.reports))
    against(C.W_STATUS_CONFLICT, 'ulik status');

  const kinds = distributionOverlap(a.kinds as Map<string, number>, a.withKind, b.kinds as Map<string, number>, b.withKind);
  if (kinds >= C.MINOR_SHARE) score += C.W_KIND;
  else if (kinds < C.STRAY_SHARE && a.withKind > 0 && b.withKind > 0) against(C.W_KIND_CONFLICT, 'ulik type symptom');

  // One person's data question does not become part of a fault that hits many.
  const single = (x: IncidentProfile) => x.singleCase >= x.reports;
  if (single(a) !== single(b) && (single(a) ? b : a).singleCase < C.MINOR_SHARE * (single(a) ? b : a).reports)
    against(C.W_SINGLE_CASE, 'den ene gjelder én person, den andre mange');

  const concurrent =
    gap <= C.WAVE_WINDOW_MS &&
    (older.state.waveConsumers >= C.WAVE_MIN_CONSUMERS || a.consumers.size + b.consumers.size >= C.WAVE_MIN_CONSUMERS);
  // A report or two opened at the edge of a wave on the same service, carrying nothing against
  // it, is part of the wave (few problems hit one service at once).
  const small = Math.min(a.reports, b.reports) <= C.WAVE_STRAGGLER_REPORTS;
  const waveSide = a.reports >= b.reports ? a : b;
  const absorbed =
    !conflict &&
    small &&
    gap <= C.WAVE_WINDOW_MS &&
    waveSide.consumers.size >= C.WAVE_MIN_CONSUMERS &&
    outageShare(waveSide) >= C.DOMINANT_SHARE &&
    shared.length > 0;
  if ((concurrent && outage) || absorbed) {
    score += C.W_WAVE;
    reasons.push(absorbed && !outage ? 'åpnet i kanten av en bølge på samme tjeneste' : 'samtidig bølge av driftsavbrudd');
  }
  if (a.platform > 0 && b.platform > 0) {
    score += C.W_PLATFORM;
    reasons.push('felles plattformårsak');
  }

  const slowness =
    kindShareOf(a, 'slow') >= C.DOMINANT_SHARE && kindShareOf(b, 'slow') >= C.DOMINANT_SHARE && gap <= C.DEGRADATION_WINDOW_MS;
  const specific =
    sharedCode ||
    specificText(text) ||
    (!conflict && ((a.platform > 0 && b.platform > 0) || (concurrent && outage) || slowness || absorbed));
  if (!specific) return null;
  score = round(clamp01(score));
  if (score < C.MERGE_PROPOSE_THRESHOLD) return null;
  return {
    survivorId: older.state.id,
    mergedId: younger.state.id,
    score,
    certain: !conflict && score >= C.MERGE_CERTAIN_THRESHOLD,
    reasons,
  };
}

// ---------------------------------------------------------------------------------------------
// Rule 2: many consumers with the same local-looking symptom at once
// ---------------------------------------------------------------------------------------------

/** Status class alone is coarse: refine 4xx by the symptom kind. */
function symptomKeys(v: View): string[] {
  const where = `${v.state.environment}|`;
  const keys: string[] = [];
  for (const service of v.p.services.keys()) {
    for (const code of v.p.codes.keys()) keys.push(`${where}${service}|${code}`);
    for (const status of v.p.statuses.keys()) if (/^4\d\d$/.test(status)) keys.push(`${where}${service}|${status}|${kindKey(v.p.kinds)}`);
  }
  return keys;
}

function kindKey(kinds: ReadonlyMap<SymptomKind, number>): string {
  if (kinds.has('rate')) return 'rate';
  if (kinds.has('access')) return 'access';
  return 'other';
}

function burstMerges(views: readonly View[]): MergeProposal[] {
  const eligible = views.filter((v) => !isExplicitLocal(v.p) && (isSymptomLocal(v.p) || isProviderEvident(v.p)));
  const byKey = new Map<string, View[]>();
  for (const v of eligible) for (const key of symptomKeys(v)) byKey.set(key, [...(byKey.get(key) ?? []), v]);
  const out: MergeProposal[] = [];
  for (const [key, group] of byKey) {
    if (!group.some((v) => isSymptomLocal(v.p))) continue;
    for (const window of burstWindows(group)) {
      const consumers = new Set(window.flatMap((v) => [...v.p.consumers.keys()]));
      if (consumers.size < C.LOCAL_BURST_MIN_CONSUMERS) continue;
      const survivor = window[0];
      for (const v of window.slice(1)) {
        out.push({
          survivorId: survivor.state.id,
          mergedId: v.state.id,
          score: 1,
          certain: true,
          reasons: [
            `${consumers.size} konsumenter med samme symptom (${key.split('|').slice(1).join(', ')}) innen ${formatGap(C.LOCAL_BURST_WINDOW_MS)}`,
            'lokalt utseende symptom hos mange samtidig peker på leverandøren',
          ],
        });
      }
    }
  }
  return out;
}

/** Maximal runs of incidents (sorted by age) whose openings lie within LOCAL_BURST_WINDOW_MS. */
function burstWindows(group: readonly View[]): View[][] {
  const sorted = [...group].sort(byAge);
  const windows: View[][] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end].state.openedAt.getTime() - sorted[start].state.openedAt.getTime() > C.LOCAL_BURST_WINDOW_MS) start++;
    const next = sorted[end + 1];
    if (!next || next.state.openedAt.getTime() - sorted[start].state.openedAt.getTime() > C.LOCAL_BURST_WINDOW_MS)
      windows.push(sorted.slice(start, end + 1));
  }
  return windows;
}

// ---------------------------------------------------------------------------------------------
// Resolution: each incident merged at most once per round, into the oldest of its group
// ---------------------------------------------------------------------------------------------

function resolve(proposals: MergeProposal[]): MergeProposal[] {
  const sorted = [...proposals].sort(
    (a, b) => b.score - a.score || a.survivorId.localeCompare(b.survivorId) || a.mergedId.localeCompare(b.mergedId),
  );
  const mergedAway = new Set<string>();
  const survivors = new Set<string>();
  const seen = new Set<string>();
  const out: MergeProposal[] = [];
  for (const p of sorted) {
    const pair = `${p.survivorId}|${p.mergedId}`;
    if (seen.has(pair) || p.survivorId === p.mergedId) continue;
    // An incident already merged away, or already a survivor of another merge, waits for the next
    // round: every applied merge stays a simple "older absorbs younger" step.
    if (mergedAway.has(p.mergedId) || mergedAway.has(p.survivorId) || survivors.has(p.mergedId)) continue;
    seen.add(pair);
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

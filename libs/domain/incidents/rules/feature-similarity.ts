/**
 * Text similarity as cosine between feature vectors weighted by inverse document frequency
 * (corpus-stats.ts; `idf` is its weigher for the service compared). A report is a set of features; an incident is the share of its reports
 * carrying each feature, so wording every reporter uses counts fully and one reporter's aside
 * counts little. Pure.
 */
import type { IncidentProfile } from './incident-profile';
import { STRAY_SHARE } from './matching.constants';

export interface SimilarityResult {
  score: number;
  /** total weight of the shared features (beyond strays), so one common word is not "something specific" */
  sharedWeight: number;
  /** the shared features that contribute most, for the reasons shown to staff */
  top: string[];
  /** lessons from staff corrections that stood in for an exact match: [report's feature, incident's feature] */
  learned?: Array<[string, string]>;
}

function topShared(contributions: Array<[string, number]>, n = 4): string[] {
  return contributions
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([f]) => f);
}

export type Weigher = (feature: string) => number;

function profileNorm(profile: IncidentProfile, idf: Weigher): number {
  let sum = 0;
  const n = Math.max(1, profile.reports);
  for (const [f, count] of profile.features) {
    const w = (count / n) * idf(f);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

/** Cosine of a report's features against an incident profile, 0..1. */
export function reportToIncident(
  features: readonly string[],
  profile: IncidentProfile,
  weigh: Weigher,
  related?: (f: string) => ReadonlyMap<string, number> | undefined,
): SimilarityResult {
  if (features.length === 0 || profile.features.size === 0) return { score: 0, sharedWeight: 0, top: [] };
  const n = Math.max(1, profile.reports);
  let dot = 0;
  let rNorm = 0;
  let sharedWeight = 0;
  const shared: Array<[string, number]> = [];
  const learned: Array<[string, string]> = [];
  for (const f of features) {
    const idf = weigh(f);
    rNorm += idf * idf;
    let share = (profile.features.get(f) ?? 0) / n;
    // A learned relation (staff merged reports worded this way) stands in for an exact match.
    if (share === 0 && related) {
      for (const [other, strength] of related(f) ?? []) {
        const stand = ((profile.features.get(other) ?? 0) / n) * strength;
        if (stand > share) {
          share = stand;
          learned.push([f, other]);
        }
      }
    }
    if (share > 0) {
      dot += idf * idf * share;
      shared.push([f, idf * idf * share]);
      if (share >= STRAY_SHARE) sharedWeight += idf;
    }
  }
  const denom = Math.sqrt(rNorm) * profileNorm(profile, weigh);
  return { score: denom > 0 ? Math.min(1, dot / denom) : 0, sharedWeight, top: topShared(shared), ...(learned.length ? { learned } : {}) };
}

/** Cosine of two incident profiles, 0..1. */
export function incidentToIncident(a: IncidentProfile, b: IncidentProfile, weigh: Weigher): SimilarityResult {
  if (a.features.size === 0 || b.features.size === 0) return { score: 0, sharedWeight: 0, top: [] };
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  const ns = Math.max(1, small.reports);
  const nl = Math.max(1, large.reports);
  let dot = 0;
  let sharedWeight = 0;
  const shared: Array<[string, number]> = [];
  for (const [f, count] of small.features) {
    const other = large.features.get(f);
    if (!other) continue;
    const idf = weigh(f);
    const c = (count / ns) * (other / nl) * idf * idf;
    dot += c;
    shared.push([f, c]);
    if (count / ns >= STRAY_SHARE && other / nl >= STRAY_SHARE) sharedWeight += idf;
  }
  const denom = profileNorm(a, weigh) * profileNorm(b, weigh);
  return { score: denom > 0 ? Math.min(1, dot / denom) : 0, sharedWeight, top: topShared(shared) };
}

/** Cosine of two reports' feature sets, 0..1 (used for a consumer's own earlier titles). */
export function reportToReport(a: readonly string[], b: readonly string[], weigh: Weigher): number {
  if (a.length === 0 || b.length === 0) return 0;
  const bs = new Set(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const f of a) {
    const w = weigh(f) ** 2;
    na += w;
    if (bs.has(f)) dot += w;
  }
  for (const f of bs) nb += weigh(f) ** 2;
  return dot / Math.sqrt(na * nb);
}

/**
 * An incident as a whole: how many of its reports carry each feature, status, code, symptom
 * kind and cue, which consumers and services it spans. Matching compares a new report with this
 * profile, not with a sample of reports, so the twentieth phrasing of a slow data deviation
 * meets every phrasing before it.
 *
 * The profile is a flat map of counts ("n", "c:<consumer>", "f:<feature>", …), so it is kept
 * incrementally by adding one report's contribution (in SQL: jsonb_add_counts) and two
 * incidents merge by adding their maps. Pure.
 */
import type { ReportSignals, StatusKey, SymptomKind } from './report-signals';

export type ProfileCounts = Record<string, number>;

const KEY = {
  reports: 'n',
  consumer: 'c:',
  service: 's:',
  status: 'h:',
  withStatus: 'hs',
  code: 'e:',
  withCode: 'es',
  kind: 'k:',
  withKind: 'ks',
  feature: 'f:',
  local: 'x:local',
  localHedged: 'x:local-hedged',
  symptomLocal: 'x:symptom-local',
  platform: 'x:platform',
  platformToken: 'x:platform-token',
  platformOk: 'x:platform-ok',
  provider: 'x:provider',
  security: 'x:security',
  singleCase: 'x:single-case',
} as const;

/** What one report adds to its incident's profile. */
export function contributionOf(s: ReportSignals): ProfileCounts {
  const c: ProfileCounts = { [KEY.reports]: 1, [`${KEY.consumer}${s.consumerId}`]: 1, [`${KEY.service}${s.service}`]: 1 };
  for (const h of s.statusKeys) c[`${KEY.status}${h}`] = 1;
  if (s.statusKeys.size) c[KEY.withStatus] = 1;
  for (const e of s.errorCodes) c[`${KEY.code}${e}`] = 1;
  if (s.errorCodes.size) c[KEY.withCode] = 1;
  for (const k of s.kinds) c[`${KEY.kind}${k}`] = 1;
  if (s.kinds.size) c[KEY.withKind] = 1;
  for (const f of s.features) c[`${KEY.feature}${f}`] = 1;
  if (s.local === 'explicit' && !s.localHedged) c[KEY.local] = 1;
  if (s.local === 'explicit' && s.localHedged) c[KEY.localHedged] = 1;
  if (s.local === 'symptom') c[KEY.symptomLocal] = 1;
  if (s.platform) c[KEY.platform] = 1;
  if (s.platformToken) c[KEY.platformToken] = 1;
  if (s.platformOk) c[KEY.platformOk] = 1;
  if (s.providerCue) c[KEY.provider] = 1;
  if (s.security) c[KEY.security] = 1;
  if (s.singleCase) c[KEY.singleCase] = 1;
  return c;
}

/** Sum of two count maps (what SQL's jsonb_add_counts does on the stored profile). */
export function addCounts(a: ProfileCounts, b: ProfileCounts): ProfileCounts {
  const out: ProfileCounts = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export interface IncidentProfile {
  readonly reports: number;
  readonly consumers: ReadonlyMap<string, number>;
  readonly services: ReadonlyMap<string, number>;
  readonly statuses: ReadonlyMap<StatusKey, number>;
  readonly withStatus: number;
  readonly codes: ReadonlyMap<string, number>;
  readonly withCode: number;
  readonly kinds: ReadonlyMap<SymptomKind, number>;
  readonly withKind: number;
  readonly features: ReadonlyMap<string, number>;
  readonly local: number;
  readonly localHedged: number;
  readonly symptomLocal: number;
  readonly platform: number;
  readonly platformToken: number;
  readonly platformOk: number;
  readonly provider: number;
  readonly security: number;
  readonly singleCase: number;
}

/** The profile's count maps, each under the two-character prefix of its keys. */
const MAPS = {
  [KEY.consumer]: 'consumers',
  [KEY.service]: 'services',
  [KEY.status]: 'statuses',
  [KEY.code]: 'codes',
  [KEY.kind]: 'kinds',
  [KEY.feature]: 'features',
} as const;
type MapName = (typeof MAPS)[keyof typeof MAPS];

/** Reads a stored count map; parsed profiles are cached by object identity (they are immutable). */
const parsed = new WeakMap<ProfileCounts, IncidentProfile>();

export function profileOf(counts: ProfileCounts): IncidentProfile {
  const hit = parsed.get(counts);
  if (hit) return hit;
  const maps: Record<MapName, Map<string, number>> = {
    consumers: new Map(),
    services: new Map(),
    statuses: new Map(),
    codes: new Map(),
    kinds: new Map(),
    features: new Map(),
  };
  // One pass over the keys: intake reads a freshly stored profile for every candidate incident.
  for (const key of Object.keys(counts)) {
    const map = MAPS[key.slice(0, 2) as keyof typeof MAPS];
    const value = counts[key];
    if (map && value > 0) maps[map].set(key.slice(2), value);
  }
  const n = (k: string) => counts[k] ?? 0;
  const profile: IncidentProfile = {
    reports: n(KEY.reports),
    ...maps,
    kinds: maps.kinds as Map<SymptomKind, number>,
    withStatus: n(KEY.withStatus),
    withCode: n(KEY.withCode),
    withKind: n(KEY.withKind),
    local: n(KEY.local),
    localHedged: n(KEY.localHedged),
    symptomLocal: n(KEY.symptomLocal),
    platform: n(KEY.platform),
    platformToken: n(KEY.platformToken),
    platformOk: n(KEY.platformOk),
    provider: n(KEY.provider),
    security: n(KEY.security),
    singleCase: n(KEY.singleCase),
  };
  parsed.set(counts, profile);
  return profile;
}

/** The share of an incident's reports (with any value of that kind) carrying one of `values`. */
export function shareOf(counts: ReadonlyMap<string, number>, total: number, values: Iterable<string>): number {
  if (total <= 0) return 0;
  let best = 0;
  for (const v of values) best = Math.max(best, (counts.get(v) ?? 0) / total);
  return Math.min(1, best);
}

/**
 * Overlap of two distributions (Σ min of shares), 0..1: 1 when both incidents show the same mix
 * of statuses (or codes, kinds), 0 when they have nothing in common.
 */
export function distributionOverlap(
  a: ReadonlyMap<string, number>,
  aTotal: number,
  b: ReadonlyMap<string, number>,
  bTotal: number,
): number {
  if (aTotal <= 0 || bTotal <= 0) return 0;
  let sum = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w) sum += Math.min(v / aTotal, w / bTotal);
  }
  return Math.min(1, sum);
}

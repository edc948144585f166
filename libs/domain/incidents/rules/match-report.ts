/**
 * Deduplication: decide whether a new report describes an open incident or a new problem.
 *
 * Pure function of the report and the candidate incidents the repository returns. The score
 * is additive evidence (0..1): time closeness, same error code, same status class, same
 * symptom kind, text similarity, a shared platform cause, an active multi-consumer wave and
 * follow-ups from the same municipality — minus conflicts (different codes/status/kind,
 * a recurrence long after the incident went quiet). Hard rules come first:
 * environment, track, time order, service (unless platform-wide), and local causes.
 */
import {
  ATTACH_THRESHOLD,
  AMBIGUITY_MARGIN,
  BURST_GAP_MS,
  BURST_MIN_CONSUMERS,
  CANDIDATE_LOOKBACK_MS,
  CERTAIN_THRESHOLD,
  OUTAGE_TIME_HORIZON_MS,
  PROVIDER_EVIDENCE_CONSUMERS,
  RECURRENCE_MIN_GAP_MS,
  SAME_TITLE_SIMILARITY,
  TEXT_NOISE_FLOOR,
  TIME_HORIZON_MS,
  W_BURST,
  W_CODE,
  W_CODE_CONFLICT,
  W_FOLLOW_UP,
  W_KIND,
  W_KIND_CONFLICT,
  W_PLATFORM,
  W_PLATFORM_CONFLICT,
  W_RECURRENCE_PENALTY,
  W_SAME_CONSUMER,
  W_STATUS,
  W_STATUS_CONFLICT,
  W_TEXT,
  W_TIME,
} from './matching.constants';
import { signalsOf, type ReportSignals, type SymptomKind } from './report-signals';
import { jaccard, profileSimilarity } from './text-similarity';

export { CANDIDATE_LOOKBACK_MS } from './matching.constants';

export interface ReportFacts {
  id: string;
  consumerId: string;
  service: string;
  environment: 'production' | 'test';
  category: 'incident' | 'deviation' | 'security' | 'privacy';
  title: string;
  description: string;
  httpStatus?: number | null;
  errorCode?: string | null;
  correlationId?: string | null;
  receivedAt: Date;
  occurredAt?: Date | null;
}

export interface IncidentSnapshot {
  id: string;
  environment: 'production' | 'test';
  track: 'ordinary' | 'security';
  openedAt: Date;
  lastReportAt: Date;
  services: string[];
  errorCodes: string[];
  consumerIds: string[];
  reportCount: number;
  /** up to MAX_SAMPLE most recent reports + the first one */
  recentReports: ReportFacts[];
}

export interface MatchDecision {
  action: 'attach' | 'open';
  incidentId: string | null;
  score: number;
  confidence: 'certain' | 'likely' | 'new';
  /** human readable, Norwegian bokmål */
  reasons: string[];
  runnerUp: { incidentId: string; score: number; reasons: string[] } | null;
}

/** Security and privacy reports are handled on their own track and never meet ordinary ones. */
export function trackOf(report: ReportFacts): 'security' | 'ordinary' {
  return signalsOf(report).security ? 'security' : 'ordinary';
}

// ---------------------------------------------------------------------------------------------
// Incident view: what the samples tell about an incident as a whole
// ---------------------------------------------------------------------------------------------

export interface IncidentView {
  readonly snapshot: IncidentSnapshot;
  readonly samples: readonly ReportSignals[];
  readonly consumers: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  readonly platform: boolean;
  /** several municipalities, or a reporter who points at the provider */
  readonly providerEvident: boolean;
  /** one municipality whose reports state a cause on its own side */
  readonly explicitLocal: boolean;
  /** one municipality whose reports only show a client-error symptom (403, invalid_scope…) */
  readonly symptomLocalOnly: boolean;
  readonly kinds: ReadonlySet<SymptomKind>;
}

export function viewOf(incident: IncidentSnapshot): IncidentView {
  const samples = dedupeById(incident.recentReports).map(signalsOf);
  const consumers = new Set(incident.consumerIds);
  for (const s of samples) consumers.add(s.consumerId);
  const single = consumers.size <= 1;
  const kinds = new Set<SymptomKind>();
  for (const s of samples) for (const k of s.kinds) kinds.add(k);
  return {
    snapshot: incident,
    samples,
    consumers,
    services: new Set([...incident.services, ...samples.map((s) => s.service)]),
    platform: samples.some((s) => s.platform),
    providerEvident:
      consumers.size >= PROVIDER_EVIDENCE_CONSUMERS || samples.some((s) => s.providerCue || s.platform),
    explicitLocal: single && samples.some((s) => s.local === 'explicit'),
    symptomLocalOnly: single && samples.length > 0 && samples.every((s) => s.local !== 'none'),
    kinds,
  };
}

function dedupeById(reports: readonly ReportFacts[]): ReportFacts[] {
  const seen = new Set<string>();
  return reports.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

// ---------------------------------------------------------------------------------------------
// Pairwise evidence between two reports (also used by the later merge)
// ---------------------------------------------------------------------------------------------

export interface Evidence {
  score: number;
  reasons: string[];
}

/** OAuth errors of a failing token endpoint are one family: server_error ~ temporarily_unavailable. */
function codeFamily(code: string): string {
  return code === 'server_error' || code === 'temporarily_unavailable' ? 'token-endpoint-failure' : code;
}

function familySet(codes: ReadonlySet<string>): Set<string> {
  return new Set([...codes].map(codeFamily));
}

function intersection<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  return [...a].filter((x) => b.has(x));
}

/** Content evidence between two reports: codes, status, symptom kind, platform and text. */
export function pairEvidence(a: ReportSignals, b: ReportSignals): Evidence {
  let score = 0;
  const reasons: string[] = [];

  const sharedCodes = intersection(familySet(a.errorCodes), familySet(b.errorCodes));
  if (sharedCodes.length > 0) {
    score += W_CODE;
    reasons.push(`samme feilkode ${[...a.errorCodes].find((c) => sharedCodes.includes(codeFamily(c))) ?? sharedCodes[0]}`);
  } else if (a.errorCodes.size > 0 && b.errorCodes.size > 0) {
    score -= W_CODE_CONFLICT;
    reasons.push(`ulik feilkode (${[...a.errorCodes].join(', ')} / ${[...b.errorCodes].join(', ')})`);
  }

  const sharedStatus = intersection(a.statusClasses, b.statusClasses);
  if (sharedStatus.length > 0) {
    score += W_STATUS;
    reasons.push(`samme statusklasse ${sharedStatus.join('/')}`);
  } else if (a.statusClasses.size > 0 && b.statusClasses.size > 0) {
    score -= W_STATUS_CONFLICT;
    reasons.push(`ulik statusklasse (${[...a.statusClasses].join('/')} / ${[...b.statusClasses].join('/')})`);
  }

  if (a.kinds.size > 0 && b.kinds.size > 0) {
    if (intersection(a.kinds, b.kinds).length > 0) score += W_KIND;
    else {
      score -= W_KIND_CONFLICT;
      reasons.push('ulik type symptom');
    }
  }

  if (a.platform && b.platform) {
    score += W_PLATFORM;
    reasons.push('felles plattformårsak (Maskinporten/API-gateway)');
  } else if (a.platform !== b.platform && a.service === b.service) {
    score -= W_PLATFORM_CONFLICT;
    reasons.push('bare den ene peker på plattformen');
  }

  const sim = profileSimilarity(a.profile, b.profile);
  if (sim > TEXT_NOISE_FLOOR) {
    score += W_TEXT * (sim - TEXT_NOISE_FLOOR) / (1 - TEXT_NOISE_FLOOR);
  }
  reasons.push(`teksttreff ${sim.toFixed(2)}`);

  return { score, reasons };
}

// ---------------------------------------------------------------------------------------------
// Incident-level evidence
// ---------------------------------------------------------------------------------------------

/** 1 at gap 0, falling logarithmically to 0 at the horizon (minutes matter more than days). */
export function timeFit(gapMs: number, horizonMs: number): number {
  const hours = Math.max(0, gapMs) / 3_600_000;
  const horizonHours = horizonMs / 3_600_000;
  return Math.max(0, 1 - Math.log2(1 + hours) / Math.log2(1 + horizonHours));
}

export function formatGap(gapMs: number): string {
  const minutes = Math.max(0, Math.round(gapMs / 60_000));
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} t`;
  return `${Math.round(hours / 24)} døgn`;
}

function isOutageOnly(kinds: ReadonlySet<SymptomKind>): boolean {
  return kinds.has('outage') && !kinds.has('data') && !kinds.has('slow');
}

/** Why a report may not join an incident at all, or null when it may. */
export function eligibility(r: ReportSignals, track: 'security' | 'ordinary', view: IncidentView): string | null {
  const inc = view.snapshot;
  if (inc.environment !== r.environment) return 'annet miljø';
  if (inc.track !== track) return 'annet spor (sikkerhet/ordinær)';
  if (inc.openedAt.getTime() > r.receivedAtMs) return 'hendelsen ble åpnet etter at meldingen kom inn';
  if (r.receivedAtMs - inc.lastReportAt.getTime() > CANDIDATE_LOOKBACK_MS) return 'hendelsen har vært stille for lenge';
  const sameConsumer = view.consumers.has(r.consumerId);
  if (!view.services.has(r.service) && !(r.platform && view.platform)) return 'annen tjeneste';
  if (track === 'security') {
    // Each security/privacy report is its own case; only the reporter's own follow-up joins it.
    return sameConsumer ? null : 'sikkerhetsmelding fra annen konsument';
  }
  if (sameConsumer) return null;
  if (r.local === 'explicit') return `lokal årsak hos konsumenten (${r.localHint})`;
  if (view.explicitLocal) return 'hendelsen gjelder en lokal feil hos en annen konsument';
  if (view.symptomLocalOnly) return 'hendelsen ser lokal ut og har bare én konsument';
  if (r.local === 'symptom' && !view.providerEvident) return 'lokalt symptom uten tegn til feil hos leverandøren';
  return null;
}

/** Full evidence that report r belongs to the incident (assumes eligibility). */
export function incidentEvidence(r: ReportSignals, view: IncidentView): Evidence {
  const inc = view.snapshot;
  const gap = Math.max(0, r.receivedAtMs - inc.lastReportAt.getTime());
  const reasons: string[] = [];
  let score = 0;

  // Content: the best matching sample speaks for the incident.
  let best: Evidence = { score: -Infinity, reasons: [] };
  for (const s of view.samples) {
    const e = pairEvidence(r, s);
    if (e.score > best.score) best = e;
  }
  if (best.score === -Infinity) best = { score: 0, reasons: [] };
  score += best.score;

  const horizon = isOutageOnly(r.kinds) && isOutageOnly(view.kinds) ? OUTAGE_TIME_HORIZON_MS : TIME_HORIZON_MS;
  score += W_TIME * timeFit(gap, horizon);
  reasons.push(`${formatGap(gap)} etter forrige melding`);

  if (view.services.has(r.service)) reasons.unshift(`samme tjeneste (${r.service})`);
  else reasons.unshift(`plattformfeil på tvers av tjenester (${r.service})`);

  const waveConsumers = new Set(
    view.samples.filter((s) => inc.lastReportAt.getTime() - s.receivedAtMs <= BURST_GAP_MS).map((s) => s.consumerId),
  );
  if (gap <= BURST_GAP_MS && waveConsumers.size >= BURST_MIN_CONSUMERS) {
    score += W_BURST;
    reasons.push(`aktiv bølge: ${waveConsumers.size} konsumenter siste ${formatGap(BURST_GAP_MS)}`);
  }

  if (view.consumers.has(r.consumerId)) {
    const own = view.samples.filter((s) => s.consumerId === r.consumerId);
    const titleSim = Math.max(0, ...own.map((s) => jaccard(r.titleProfile.trigrams, s.titleProfile.trigrams)));
    if (r.followUp) {
      score += W_FOLLOW_UP;
      reasons.push('oppfølging fra samme konsument');
    } else if (titleSim >= SAME_TITLE_SIMILARITY) {
      score += W_SAME_CONSUMER;
      reasons.push('samme konsument, lik tittel');
    }
  }

  if (r.recurrence && gap >= RECURRENCE_MIN_GAP_MS && !(r.followUp && view.consumers.has(r.consumerId))) {
    score -= W_RECURRENCE_PENALTY;
    reasons.push('meldingen beskriver en gjentakelse etter en stille periode');
  }

  reasons.push(...best.reasons);
  return { score: clamp01(score), reasons };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// The decision
// ---------------------------------------------------------------------------------------------

interface Scored {
  incidentId: string;
  score: number;
  reasons: string[];
  openedAtMs: number;
}

export function matchReport(report: ReportFacts, candidates: IncidentSnapshot[]): MatchDecision {
  const r = signalsOf(report);
  const track = trackOf(report);
  const scored: Scored[] = [];
  for (const incident of candidates) {
    const view = viewOf(incident);
    if (eligibility(r, track, view) !== null) continue;
    const e = incidentEvidence(r, view);
    scored.push({ incidentId: incident.id, score: round(e.score), reasons: e.reasons, openedAtMs: incident.openedAt.getTime() });
  }
  // Highest score first; ties go to the older incident (the one staff already know), then id.
  scored.sort((a, b) => b.score - a.score || a.openedAtMs - b.openedAtMs || a.incidentId.localeCompare(b.incidentId));

  const [best, second] = scored;
  if (!best || best.score < ATTACH_THRESHOLD) {
    return {
      action: 'open',
      incidentId: null,
      score: best ? best.score : 0,
      confidence: 'new',
      reasons: openReasons(r, track, best),
      runnerUp: best ? { incidentId: best.incidentId, score: best.score, reasons: best.reasons } : null,
    };
  }
  const clearWinner = !second || best.score - second.score >= AMBIGUITY_MARGIN;
  return {
    action: 'attach',
    incidentId: best.incidentId,
    score: best.score,
    confidence: best.score >= CERTAIN_THRESHOLD && clearWinner ? 'certain' : 'likely',
    reasons: best.reasons,
    runnerUp: second ? { incidentId: second.incidentId, score: second.score, reasons: second.reasons } : null,
  };
}

function openReasons(r: ReportSignals, track: 'security' | 'ordinary', nearest: Scored | undefined): string[] {
  const reasons: string[] = [];
  if (track === 'security') reasons.push('sikkerhets- eller personvernmelding: eget spor');
  if (r.local === 'explicit') reasons.push(`ser ut som lokal årsak (${r.localHint})`);
  if (r.platform) reasons.push('peker på plattformfeil (Maskinporten/API-gateway)');
  reasons.push(nearest ? `nærmeste hendelse under terskel (${nearest.score.toFixed(2)})` : 'ingen åpen hendelse passer');
  return reasons;
}

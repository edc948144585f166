/**
 * Deduplication: decide whether a new report describes an open incident or a new problem.
 *
 * Pure function of the report and the candidate incidents the repository returns. The score
 * is additive evidence (0..1): time closeness, same error code, same status class, same
 * symptom kind, text similarity, a shared platform cause, an active multi-consumer wave and
 * follow-ups from the same municipality — minus conflicts (different codes/status/kind,
 * a recurrence long after the incident went quiet). Without something specific in common
 * (code, real text overlap, shared platform cause, an outage within the same wave, or the
 * reporter's own follow-up) a report never attaches on time and symptom type alone.
 * Hard rules come first (eligibility): environment, track, time order, service (unless
 * platform-wide), platform cause vs a single service's fault, and local causes — a cause
 * stated on the consumer's side never joins another municipality's incident.
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
  NEAR_IDENTICAL_TRIGRAMS,
  SPECIFIC_SHARED_WEIGHT,
  TIME_HORIZON_MS,
  UNSPECIFIC_MARGIN,
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
import { combineSimilarity, profileSharedContentWeight, profileTokenSimilarity, profileTrigramSimilarity } from './text-similarity';

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
  /** some report says the platform works, so this is a single service's own fault */
  readonly platformOk: boolean;
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
    platformOk: samples.some((s) => s.platformOk),
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
  /** something specific in common (code, real text overlap, platform), beyond time and symptom type */
  specific?: boolean;
  /** the two reports share an HTTP status class */
  sameStatus?: boolean;
  /** both describe an outage (down, timeouts, 5xx) */
  bothOutage?: boolean;
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

  const tri = profileTrigramSimilarity(a.profile, b.profile);
  const sim = combineSimilarity(tri, profileTokenSimilarity(a.profile, b.profile));
  if (sim > TEXT_NOISE_FLOOR) {
    score += W_TEXT * (sim - TEXT_NOISE_FLOOR) / (1 - TEXT_NOISE_FLOOR);
  }
  reasons.push(`teksttreff ${sim.toFixed(2)}`);

  const specific =
    sharedCodes.length > 0 ||
    (a.platform && b.platform) ||
    profileSharedContentWeight(a.profile, b.profile) >= SPECIFIC_SHARED_WEIGHT ||
    tri >= NEAR_IDENTICAL_TRIGRAMS;
  return { score, reasons, specific, sameStatus: sharedStatus.length > 0, bothOutage: a.kinds.has('outage') && b.kinds.has('outage') };
}

// ---------------------------------------------------------------------------------------------
// Incident-level evidence
// ---------------------------------------------------------------------------------------------

/**
 * How well a gap fits, 1 (no gap) … 0 (at the horizon).
 * Outages are events: minutes matter, so the fit falls logarithmically over a short horizon.
 * Data deviations and degradations are states that municipalities notice one by one over days,
 * so the fit falls linearly over the whole lookback.
 */
export function timeFit(gapMs: number, outage: boolean): number {
  const gap = Math.max(0, gapMs);
  if (!outage) return Math.max(0, 1 - gap / TIME_HORIZON_MS);
  const hours = gap / 3_600_000;
  const horizonHours = OUTAGE_TIME_HORIZON_MS / 3_600_000;
  return Math.max(0, 1 - Math.log2(1 + hours) / Math.log2(1 + horizonHours));
}

export function formatGap(gapMs: number): string {
  const minutes = Math.max(0, Math.round(gapMs / 60_000));
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} t`;
  return `${Math.round(hours / 24)} døgn`;
}

export function isOutageOnly(kinds: ReadonlySet<SymptomKind>): boolean {
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
    if (!sameConsumer) return 'sikkerhetsmelding fra annen konsument';
    return r.followUp || ownTitleSimilarity(r, view) >= SAME_TITLE_SIMILARITY ? null : 'ny sikkerhetsmelding fra samme konsument';
  }
  if (!sameConsumer) {
    // A platform-wide cause and a single service's own fault are different problems, even when
    // they hit the same service at the same time.
    if (r.platform && !view.platform) return 'meldingen peker på plattformen, hendelsen gjelder én tjeneste';
    if (r.platformOk && view.platform) return 'meldingen sier at plattformen virker';
  }
  if (sameConsumer) {
    // A stated local cause is not the provider-side problem this municipality reported earlier
    // together with others; only an explicit follow-up ("SV: …") joins it.
    if (r.local === 'explicit' && view.consumers.size > 1 && !r.followUp) return `lokal årsak hos konsumenten (${r.localHint})`;
    return null;
  }
  if (r.local === 'explicit') return `lokal årsak hos konsumenten (${r.localHint})`;
  if (view.explicitLocal) return 'hendelsen gjelder en lokal feil hos en annen konsument';
  if (view.symptomLocalOnly) return 'hendelsen ser lokal ut og har bare én konsument';
  if (r.local === 'symptom' && !view.providerEvident) return 'lokalt symptom uten tegn til feil hos leverandøren';
  return null;
}

/** Title similarity to the same municipality's earlier reports in the incident ("SV: <title>"). */
function ownTitleSimilarity(r: ReportSignals, view: IncidentView): number {
  const own = view.samples.filter((s) => s.consumerId === r.consumerId);
  return Math.max(0, ...own.map((s) => profileTrigramSimilarity(r.titleProfile, s.titleProfile)));
}

/** The best comparable sample speaks for the incident's content. Samples on another service
 * are comparable only when both blame the shared platform (one Maskinporten outage). */
function contentEvidence(r: ReportSignals, view: IncidentView): Evidence {
  const comparable = view.samples.filter((s) => s.service === r.service || (s.platform && r.platform));
  let best: Evidence | null = null;
  for (const s of comparable.length > 0 ? comparable : view.samples) {
    const e = pairEvidence(r, s);
    if (!best || e.score > best.score) best = e;
  }
  return best ?? { score: 0, reasons: [] };
}

/** Distinct municipalities among the samples reported within the wave gap of the last report. */
function waveConsumers(view: IncidentView): number {
  const last = view.snapshot.lastReportAt.getTime();
  return new Set(view.samples.filter((s) => last - s.receivedAtMs <= BURST_GAP_MS).map((s) => s.consumerId)).size;
}

/** Same municipality writing again: a follow-up marker, or the same title without one. */
function sameConsumerEvidence(r: ReportSignals, view: IncidentView): Evidence {
  if (!view.consumers.has(r.consumerId)) return { score: 0, reasons: [] };
  if (r.followUp) return { score: W_FOLLOW_UP, reasons: ['oppfølging fra samme konsument'] };
  if (ownTitleSimilarity(r, view) >= SAME_TITLE_SIMILARITY) return { score: W_SAME_CONSUMER, reasons: ['samme konsument, lik tittel'] };
  return { score: 0, reasons: [] };
}

/** Full evidence that report r belongs to the incident (assumes eligibility). */
export function incidentEvidence(r: ReportSignals, view: IncidentView): Evidence {
  const gap = Math.max(0, r.receivedAtMs - view.snapshot.lastReportAt.getTime());
  const content = contentEvidence(r, view);
  const reasons = [view.services.has(r.service) ? `samme tjeneste (${r.service})` : `plattformfeil på tvers av tjenester (${r.service})`];
  let score = content.score;

  // "It is down now" describes an ongoing event: only a recently active incident fits it.
  score += W_TIME * timeFit(gap, isOutageOnly(r.kinds));
  reasons.push(`${formatGap(gap)} etter forrige melding`);

  const wave = waveConsumers(view);
  const inWave = gap <= BURST_GAP_MS && wave >= BURST_MIN_CONSUMERS;
  if (inWave) {
    score += W_BURST;
    reasons.push(`aktiv bølge: ${wave} konsumenter siste ${formatGap(BURST_GAP_MS)}`);
  }

  const own = sameConsumerEvidence(r, view);
  score += own.score;
  reasons.push(...own.reasons);

  const ownFollowUp = view.consumers.has(r.consumerId) && r.followUp;
  if (r.recurrence && gap >= RECURRENCE_MIN_GAP_MS && !ownFollowUp) {
    score -= W_RECURRENCE_PENALTY;
    reasons.push('meldingen beskriver en gjentakelse etter en stille periode');
  }
  reasons.push(...content.reasons);

  // Time and a broad symptom type alone never attach: something specific must be shared.
  // An outage of the same service reported within the wave gap counts: outages are rare events.
  const acute = gap <= BURST_GAP_MS && (content.bothOutage === true || (inWave && content.sameStatus === true));
  if (!content.specific && !acute && !ownFollowUp) {
    score = Math.min(score, ATTACH_THRESHOLD - UNSPECIFIC_MARGIN);
    reasons.push('ingen spesifikke fellestrekk utover tid og symptomtype');
  }
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

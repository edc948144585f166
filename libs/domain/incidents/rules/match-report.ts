/**
 * Deduplication: does a new report describe an open incident, or a new problem?
 *
 * Pure function of the report, the candidate incidents (each as a whole: its profile and how
 * many municipalities reported it in the last hours) and the corpus statistics. The score is
 * additive evidence on a 0..1 scale: text similarity weighted by how rare the shared words are,
 * the same error code, the same failure mode (status), the same symptom kind, closeness in
 * time, an active wave of municipalities on the same service, a shared platform cause and the
 * reporter's own follow-up; minus conflicting evidence: other codes or statuses, another kind
 * of symptom, a cause stated on the reporter's own side, a recurrence after a quiet period.
 * Local-looking cues are evidence weighed against the wave, not vetoes. Without something
 * specific in common a report never attaches on time and symptom type alone.
 *
 * Hard rules (eligibility) are few: same environment and track, the incident opened at or
 * before the report, active within the lookback, the same service unless the problem is
 * platform-wide, and security reports only join their own reporter's case.
 */
import type { CorpusStats } from './corpus-stats';
import { reportToIncident, reportToReport, type SimilarityResult } from './feature-similarity';
import { type IncidentProfile, type ProfileCounts, profileOf, shareOf } from './incident-profile';
import * as C from './matching.constants';
import { isClientSideOAuthError, type ReportSignals, signalsOf, type SymptomKind, titleFeatures } from './report-signals';

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

/** An open incident as matching sees it. */
export interface IncidentState {
  id: string;
  environment: 'production' | 'test';
  track: 'ordinary' | 'security';
  openedAt: Date;
  lastReportAt: Date;
  profile: ProfileCounts;
  /** distinct consumers that reported it within WAVE_WINDOW_MS before the decision instant */
  waveConsumers: number;
  /** titles of its reports per consumer (at least the reporting one), to recognise "SV: <my earlier title>" */
  titlesOfConsumer?: ReadonlyMap<string, readonly string[]>;
}

/** What matching knows beyond the candidates: term statistics and what staff have taught it. */
export interface MatchContext {
  corpus: CorpusStats;
  /** features staff corrections have shown to mean the same (feature → related feature → strength) */
  related?: (feature: string) => ReadonlyMap<string, number> | undefined;
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
// Shared helpers (also used by re-clustering)
// ---------------------------------------------------------------------------------------------

/**
 * How well a gap fits, 1 (no gap) … 0 (at the horizon). Outages are events: minutes matter, so
 * the fit falls logarithmically over a short horizon. Data deviations and degradations are
 * states that municipalities notice one by one over days: the fit falls linearly over the lookback.
 */
export function timeFit(gapMs: number, outage: boolean): number {
  const gap = Math.max(0, gapMs);
  if (!outage) return Math.max(0, 1 - gap / C.TIME_HORIZON_MS);
  const hours = gap / 3_600_000;
  const horizonHours = C.OUTAGE_TIME_HORIZON_MS / 3_600_000;
  return Math.max(0, 1 - Math.log2(1 + hours) / Math.log2(1 + horizonHours));
}

export function formatGap(gapMs: number): string {
  const minutes = Math.max(0, Math.round(gapMs / 60_000));
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} t`;
  return `${Math.round(hours / 24)} døgn`;
}

/** An outage-like report: down, timing out or answering 5xx, and not about wrong data or slowness. */
export function isOutageLike(kinds: ReadonlySet<SymptomKind>): boolean {
  return kinds.has('outage') && !kinds.has('data') && !kinds.has('slow');
}

/** A failure that happens at an instant (down, refused, throttled) rather than a state noticed over days. */
export function isEventLike(kinds: ReadonlySet<SymptomKind>): boolean {
  return (
    (kinds.has('outage') || kinds.has('access') || kinds.has('rate') || kinds.has('certificate')) &&
    !kinds.has('data') &&
    !kinds.has('slow')
  );
}

/** Share of an incident's reports (that name a kind) showing this kind of symptom. */
export function kindShareOf(p: IncidentProfile, kind: SymptomKind): number {
  return p.withKind > 0 ? (p.kinds.get(kind) ?? 0) / p.withKind : 0;
}

/** Share of an incident's reports that describe an outage. */
export function outageShare(p: IncidentProfile): number {
  return kindShareOf(p, 'outage');
}

/** One municipality's incident whose reports state a cause on its own side. */
export function isExplicitLocal(p: IncidentProfile): boolean {
  return p.consumers.size <= 1 && p.local > 0;
}

/**
 * One municipality's incident that shows only a local-looking symptom: a client error (403,
 * invalid_scope…) or a question about one person's data.
 */
export function isSymptomLocal(p: IncidentProfile): boolean {
  return (
    p.consumers.size <= 1 &&
    p.reports > 0 &&
    p.symptomLocal + p.local + p.localHedged + p.singleCase >= p.reports &&
    p.provider === 0 &&
    p.platform === 0
  );
}

/** Several municipalities, or a reporter who points at the provider or the platform. */
export function isProviderEvident(p: IncidentProfile): boolean {
  return p.consumers.size >= C.PROVIDER_EVIDENCE_CONSUMERS || p.provider > 0 || p.platform > 0;
}

/** Platform-wide: several services, or reporters naming the shared platform. */
export function isPlatformWide(p: IncidentProfile): boolean {
  return p.services.size >= 2 || p.platform > 0;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Eligibility
// ---------------------------------------------------------------------------------------------

/** Why a report may not join an incident at all, or null when it may. */
export function eligibility(r: ReportSignals, track: 'security' | 'ordinary', incident: IncidentState, p: IncidentProfile): string | null {
  if (incident.environment !== r.environment) return 'annet miljø';
  if (incident.track !== track) return 'annet spor (sikkerhet/ordinær)';
  if (incident.openedAt.getTime() > r.receivedAtMs) return 'hendelsen ble åpnet etter at meldingen kom inn';
  const gap = r.receivedAtMs - incident.lastReportAt.getTime();
  if (gap > C.CANDIDATE_LOOKBACK_MS) return 'hendelsen har vært stille for lenge';
  const sameConsumer = p.consumers.has(r.consumerId);
  // An outage is an event: one silent for longer than the outage horizon is over, and a new
  // outage report is a recurrence (the municipality's own follow-up may still come late).
  if (gap > C.OUTAGE_TIME_HORIZON_MS && isOutageLike(r.kinds) && outageShare(p) >= C.DOMINANT_SHARE && !(sameConsumer && r.followUp))
    return 'driftsavbruddet er over; dette er en ny forekomst';
  if (track === 'security') {
    // Each security/privacy report is its own case; only the reporter's own follow-up joins it.
    if (!sameConsumer) return 'sikkerhetsmelding fra annen konsument';
    return null;
  }
  // Two municipalities with the same local mistake have two problems (a burst of many is caught
  // by re-clustering): one municipality's local incident takes no one else's reports.
  if (!sameConsumer && isExplicitLocal(p)) return 'hendelsen gjelder en lokal feil hos en annen konsument';
  if (!sameConsumer && isSymptomLocal(p)) return 'hendelsen ser lokal ut og har bare én konsument';
  if (!p.services.has(r.service)) {
    // One platform failing shows on every service at once; otherwise services are separate.
    const platform = r.platform || isPlatformWide(p);
    const sameFailure =
      (isOutageLike(r.kinds) && outageShare(p) >= C.DOMINANT_SHARE) || shareOf(p.statuses, p.withStatus, r.statusKeys) >= C.DOMINANT_SHARE;
    if (!platform || !sameFailure || gap > C.CROSS_SERVICE_GAP_MS) return 'annen tjeneste';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------

export interface Evidence {
  score: number;
  reasons: string[];
}

function ownTitleSimilarity(r: ReportSignals, incident: IncidentState, corpus: CorpusStats): number {
  const titles = incident.titlesOfConsumer?.get(r.consumerId) ?? [];
  const weigh = corpus.weigher(r.service);
  return Math.max(0, ...titles.map((t) => reportToReport(r.titleFeatures, titleFeatures(t), weigh)));
}

/** Evidence from one kind of signal: its contribution, the reasons, and whether it speaks against. */
interface Signal {
  score: number;
  reasons: string[];
  conflict?: boolean;
}

const none: Signal = { score: 0, reasons: [] };
const against = (weight: number, reason: string): Signal => ({ score: -weight, reasons: [reason], conflict: true });

/**
 * The same error code, or a code the incident's (mostly coded) reports never carry. A client-side
 * OAuth error fails at the token endpoint, before any API is called: an incident whose reports
 * never show one is failing somewhere else.
 */
function codeSignal(r: ReportSignals, p: IncidentProfile): Signal & { shared: boolean } {
  const shared = [...r.errorCodes].find((c) => p.codes.has(c));
  if (shared) return { score: C.W_CODE, reasons: [`samme feilkode ${shared}`], shared: true };
  const tokenEndpoint = [...r.errorCodes].filter(isClientSideOAuthError);
  if (tokenEndpoint.length > 0 && ![...p.codes.keys()].some(isClientSideOAuthError)) {
    return { ...against(C.W_CODE_CONFLICT, `feiler mot token-endepunktet (${tokenEndpoint.join(', ')}), hendelsen ikke`), shared: false };
  }
  if (r.errorCodes.size > 0 && p.withCode >= C.DOMINANT_SHARE * Math.max(1, p.reports)) {
    return {
      ...against(C.W_CODE_CONFLICT, `ulik feilkode (${[...r.errorCodes].join(', ')} / ${[...p.codes.keys()].slice(0, 3).join(', ')})`),
      shared: false,
    };
  }
  return { ...none, shared: false };
}

/** The same failure mode (exact 4xx, 5xx), or one the incident's reports hardly ever show. */
function statusSignal(r: ReportSignals, p: IncidentProfile): Signal & { same: boolean } {
  const share = shareOf(p.statuses, p.withStatus, r.statusKeys);
  if (share >= C.MINOR_SHARE) {
    // A shared failure is evidence; "200 OK" is shared by every data deviation.
    return failureStatus(r)
      ? { score: C.W_STATUS, reasons: [`samme status (${[...r.statusKeys].join('/')})`], same: true }
      : { ...none, same: true };
  }
  if (r.statusKeys.size > 0 && p.withStatus >= C.DOMINANT_SHARE * Math.max(1, p.reports) && share < C.STRAY_SHARE) {
    return {
      ...against(C.W_STATUS_CONFLICT, `ulik status (${[...r.statusKeys].join('/')} / ${[...p.statuses.keys()].slice(0, 3).join('/')})`),
      same: false,
    };
  }
  return { ...none, same: false };
}

/** The same kind of symptom; an outage and wrong data on one service are different problems. */
function kindSignal(r: ReportSignals, p: IncidentProfile): Signal {
  if (r.kinds.size === 0 || p.withKind === 0) return none;
  const share = shareOf(p.kinds, p.withKind, r.kinds);
  if (share >= C.MINOR_SHARE) return { score: C.W_KIND, reasons: [] };
  return share < C.STRAY_SHARE ? against(C.W_KIND_CONFLICT, 'ulik type symptom') : none;
}

/** A shared platform cause; a reporter whose token service works is not in a token-service outage. */
function platformSignal(r: ReportSignals, p: IncidentProfile): Signal {
  if (
    (r.platformOk && p.platformToken >= C.DOMINANT_SHARE * p.reports) ||
    (r.platformToken && p.platformOk >= C.DOMINANT_SHARE * p.reports)
  ) {
    return against(C.W_PLATFORM_CONFLICT, 'den ene sier at Maskinporten virker, den andre at den feiler');
  }
  if (r.platform && p.platform > 0) return { score: C.W_PLATFORM, reasons: ['felles plattformårsak (Maskinporten/API-gateway)'] };
  return none;
}

/**
 * The same municipality writing again: a follow-up counts fully on the report it answers (same
 * title), half when the municipality has several open incidents to follow up.
 */
function ownSignal(r: ReportSignals, incident: IncidentState, p: IncidentProfile, corpus: CorpusStats): Signal {
  if (!p.consumers.has(r.consumerId)) return none;
  const sameTitle = ownTitleSimilarity(r, incident, corpus) >= C.SAME_TITLE_SIMILARITY;
  if (r.followUp)
    return {
      score: C.W_FOLLOW_UP * (sameTitle ? 1 : C.UNTITLED_FOLLOW_UP_FACTOR),
      reasons: [sameTitle ? 'oppfølging av egen melding (samme tittel)' : 'oppfølging fra samme konsument'],
    };
  return sameTitle ? { score: C.W_SAME_CONSUMER, reasons: ['samme konsument, lik tittel'] } : none;
}

/** Local cues: evidence against joining other municipalities' problem, weighed, not a veto. */
function localSignal(r: ReportSignals, p: IncidentProfile): Signal {
  if (p.consumers.has(r.consumerId)) return none;
  const out: Signal = { score: 0, reasons: [] };
  if (r.local === 'explicit') {
    out.score -= r.localHedged ? C.W_LOCAL * C.HEDGED_LOCAL_FACTOR : C.W_LOCAL;
    out.conflict = !r.localHedged;
    out.reasons.push(`${r.localHedged ? 'mulig ' : ''}lokal årsak hos konsumenten (${r.localHint})`);
  }
  if (r.singleCase && p.singleCase < C.MINOR_SHARE * p.reports) {
    // One person's data in an incident about many: likely that case's own explanation.
    out.score -= C.W_SINGLE_CASE;
    out.reasons.push('gjelder én person, hendelsen gjelder mange');
  }
  if (r.local === 'symptom' && !isProviderEvident(p)) {
    out.score -= C.W_LOCAL_INCIDENT;
    out.reasons.push('lokalt symptom uten tegn til feil hos leverandøren');
  }
  return out;
}

/** Full evidence that report r belongs to the incident (assumes eligibility). */
export function incidentEvidence(r: ReportSignals, incident: IncidentState, p: IncidentProfile, ctx: MatchContext): Evidence {
  const gap = Math.max(0, r.receivedAtMs - incident.lastReportAt.getTime());
  const sameService = p.services.has(r.service);
  const ownFollowUp = p.consumers.has(r.consumerId) && r.followUp;

  // Text, weighted by how rare the shared words are in the service's stored reports.
  const text = reportToIncident(r.features, p, ctx.corpus.weigher(sameService ? r.service : undefined), ctx.related);
  const textSignal: Signal = {
    score: C.W_TEXT * Math.min(1, text.score / C.FULL_TEXT),
    reasons: [
      `teksttreff ${displayScore(text.score)}${text.top.length ? ` (${text.top.map(displayFeature).join(', ')})` : ''}`,
      ...(text.learned
        ? [
            `lært av saksbehandlers korrigering: ${text.learned.map(([a, b]) => `«${displayFeature(a)}» ~ «${displayFeature(b)}»`).join(', ')}`,
          ]
        : []),
    ],
  };
  const code = codeSignal(r, p);
  const status = statusSignal(r, p);

  // Time: an outage report fits only a recently active incident; for states noticed over days
  // (wrong data, slowness) closeness in time is weak evidence, since several coexist on a service.
  // A report that names no kind of symptom takes the nature of the incident it is compared with.
  const event = isEventLike(r.kinds) || (r.kinds.size === 0 && outageShare(p) >= C.DOMINANT_SHARE);
  const time: Signal = {
    score: (event ? C.W_TIME : C.W_TIME_STATE) * timeFit(gap, event),
    reasons: [`${formatGap(gap)} etter forrige melding`],
  };

  // A wave: many municipalities on this service right now.
  const inWave = gap <= C.WAVE_WINDOW_MS && incident.waveConsumers >= C.WAVE_MIN_CONSUMERS;
  const wave: Signal = inWave
    ? { score: C.W_WAVE, reasons: [`aktiv bølge: ${incident.waveConsumers} konsumenter siste ${formatGap(C.WAVE_WINDOW_MS)}`] }
    : none;

  const recurrence: Signal =
    r.recurrence && gap >= C.RECURRENCE_MIN_GAP_MS && !ownFollowUp
      ? { score: -C.W_RECURRENCE_PENALTY, reasons: ['meldingen beskriver en gjentakelse etter en stille periode'] }
      : none;

  const signals = [
    textSignal,
    code,
    status,
    kindSignal(r, p),
    time,
    wave,
    platformSignal(r, p),
    ownSignal(r, incident, p, ctx.corpus),
    localSignal(r, p),
    recurrence,
  ];
  let score = signals.reduce((sum, x) => sum + x.score, 0);
  const reasons = [
    sameService ? `samme tjeneste (${r.service})` : `plattformfeil på tvers av tjenester (${r.service})`,
    ...signals.flatMap((x) => x.reasons),
  ];
  const conflict = signals.some((x) => x.conflict);

  // Time and a broad symptom type alone never attach: something specific must be shared. An
  // outage reported while the incident's outage is ongoing is; so is any report on a service in
  // an active wave that carries nothing against it (few problems hit one service at once), and
  // slowness on a service within a degradation episode. With conflicting evidence only content
  // can be specific: the shared text, code or the municipality's own follow-up.
  const outage = isOutageLike(r.kinds) && outageShare(p) >= C.MINOR_SHARE && gap <= C.WAVE_WINDOW_MS;
  const slowness = r.kinds.has('slow') && !r.kinds.has('data') && kindShareOf(p, 'slow') >= C.MINOR_SHARE && gap <= C.DEGRADATION_WINDOW_MS;
  const structural = !conflict && ((status.same && specificStatus(r)) || (r.platform && p.platform > 0) || outage || inWave || slowness);
  if (!(code.shared || specificText(text) || ownFollowUp || structural)) {
    score = Math.min(score, C.ATTACH_THRESHOLD - C.UNSPECIFIC_MARGIN);
    reasons.push('ingen spesifikke fellestrekk utover tid og symptomtype');
  }
  return { score: clamp01(score), reasons };
}

/** Texts share something specific: a similar whole, carried by more than one common word. */
export function specificText(text: SimilarityResult): boolean {
  return text.score >= C.SPECIFIC_TEXT && text.sharedWeight >= C.SPECIFIC_SHARED_WEIGHT;
}

/** A status that says the call failed (not "200 OK"). */
function failureStatus(r: ReportSignals): boolean {
  return [...r.statusKeys].some((k) => k !== '2xx' && k !== '3xx');
}

/** An exact client-error status (401, 403, 404, 429…) names the failure as precisely as a code. */
function specificStatus(r: ReportSignals): boolean {
  return [...r.statusKeys].some((k) => /^4\d\d$/.test(k));
}

/** A score in a reason staff read: two decimals with the decimal comma Norwegian writes (0,17). */
export function displayScore(score: number): string {
  return score.toFixed(2).replace('.', ',');
}

/** Concept features read as their id ("_naturalytelse" → "naturalytelse"). */
export function displayFeature(f: string): string {
  return f.startsWith('_') ? f.slice(1).replace(/_/g, '-') : f;
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

export function matchReport(report: ReportFacts, candidates: readonly IncidentState[], ctx: MatchContext): MatchDecision {
  const r = signalsOf(report);
  const track = trackOf(report);
  const scored: Scored[] = [];
  for (const incident of candidates) {
    const p = profileOf(incident.profile);
    if (eligibility(r, track, incident, p) !== null) continue;
    const e = track === 'security' ? securityEvidence(r, incident, ctx) : incidentEvidence(r, incident, p, ctx);
    scored.push({ incidentId: incident.id, score: round(e.score), reasons: e.reasons, openedAtMs: incident.openedAt.getTime() });
  }
  // Highest score first; ties go to the older incident (the one staff already know), then id.
  scored.sort((a, b) => b.score - a.score || a.openedAtMs - b.openedAtMs || a.incidentId.localeCompare(b.incidentId));

  const [best, second] = scored;
  if (!best || best.score < C.ATTACH_THRESHOLD) {
    return {
      action: 'open',
      incidentId: null,
      score: best ? best.score : 0,
      confidence: 'new',
      reasons: openReasons(r, track, best),
      runnerUp: best ? { incidentId: best.incidentId, score: best.score, reasons: best.reasons } : null,
    };
  }
  const clearWinner = !second || best.score - second.score >= C.AMBIGUITY_MARGIN;
  return {
    action: 'attach',
    incidentId: best.incidentId,
    score: best.score,
    confidence: best.score >= C.CERTAIN_THRESHOLD && clearWinner ? 'certain' : 'likely',
    reasons: best.reasons,
    runnerUp: second ? { incidentId: second.incidentId, score: second.score, reasons: second.reasons } : null,
  };
}

/** A security report joins only its own reporter's case, when it follows it up. */
function securityEvidence(r: ReportSignals, incident: IncidentState, ctx: MatchContext): Evidence {
  if (r.followUp) return { score: 1, reasons: ['oppfølging av egen sikkerhetsmelding'] };
  const title = ownTitleSimilarity(r, incident, ctx.corpus);
  return title >= C.SAME_TITLE_SIMILARITY
    ? { score: 1, reasons: ['samme konsument, lik tittel (sikkerhet)'] }
    : { score: 0, reasons: ['ny sikkerhetsmelding fra samme konsument'] };
}

function openReasons(r: ReportSignals, track: 'security' | 'ordinary', nearest: Scored | undefined): string[] {
  const reasons: string[] = [];
  if (track === 'security') reasons.push('sikkerhets- eller personvernmelding: eget spor');
  if (r.local === 'explicit') reasons.push(`ser ut som lokal årsak (${r.localHint})`);
  if (r.platform) reasons.push('peker på plattformfeil (Maskinporten/API-gateway)');
  reasons.push(nearest ? `nærmeste hendelse under terskel (${displayScore(nearest.score)})` : 'ingen åpen hendelse passer');
  return reasons;
}

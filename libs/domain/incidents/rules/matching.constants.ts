/**
 * Every tuning constant of report deduplication, in one place: the live intake, re-clustering
 * and the offline evaluation all read these, so what is measured is what runs.
 * Scores are additive evidence on a 0..1 scale (clamped); a weight is how much one signal alone
 * moves a decision, chosen so that no single weak signal can attach a report.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// --- Candidates -------------------------------------------------------------------------------

/** Incidents whose last report is older than this are not candidates: data-deviation waves
 * trickle in over a working week (with a weekend in between), while a recurrence of an old
 * problem weeks later must open a new incident. */
export const CANDIDATE_LOOKBACK_MS = 7 * DAY;

/** Re-clustering looks this far back: an incident active within the lookback of another's opening. */
export const RECLUSTER_LOOKBACK_MS = 2 * CANDIDATE_LOOKBACK_MS;

/** At most this many candidates (the most recently active) are compared with a report. */
export const MAX_CANDIDATES = 60;

/** Bounded cache of derived report signals; a day of intake fits easily. */
export const SIGNAL_CACHE_SIZE = 5000;

/** Corpus statistics cover at most this many of the most recent reports. */
export const CORPUS_WINDOW_REPORTS = 20_000;
/** Statistics are read from the stored reports again after this long (replicas converge). */
export const CORPUS_REFRESH_MS = 10 * MINUTE;
/** A service's own term statistics are used once it has this many reports (before: all reports'). */
export const MIN_SERVICE_CORPUS = 30;

// --- Time -------------------------------------------------------------------------------------

/** Time fit falls linearly from 1 (same instant) to 0 at this gap for data deviations and
 * degradations: they are states that municipalities notice one by one over days. */
export const TIME_HORIZON_MS = CANDIDATE_LOOKBACK_MS;

/** …and logarithmically to 0 at this gap when the new report describes an outage ("down now"):
 * waves last 1–4 hours and stragglers come the next morning, so an incident silent for a day
 * and a half is over and a new outage is a recurrence. */
export const OUTAGE_TIME_HORIZON_MS = 36 * HOUR;

/** A wave: distinct municipalities reporting one incident within this window. */
export const WAVE_WINDOW_MS = 2 * HOUR;
/** …this many of them make it a wave (two can share a mistake by chance, three at once hardly). */
export const WAVE_MIN_CONSUMERS = 3;

/** A degradation (slowness) is one episode on a service for this long: reports of the same
 * symptom within it share something specific even in other words, as outages do within a wave. */
export const DEGRADATION_WINDOW_MS = 2 * DAY;

/** An incident this small opened at the edge of a wave, with nothing against it, joins the wave. */
export const WAVE_STRAGGLER_REPORTS = 2;

/** A platform-wide incident takes reports on another service only this soon after its last one. */
export const CROSS_SERVICE_GAP_MS = 3 * HOUR;

/** A report announcing a recurrence ("igjen", "again") only refers to an incident whose last
 * report is older than this; within it, "igjen" is just part of the ongoing wave. */
export const RECURRENCE_MIN_GAP_MS = 12 * HOUR;

// --- Shares of an incident's reports ----------------------------------------------------------

/** A status, code or kind carried by at least this share of an incident's reports is its own. */
export const MINOR_SHARE = 0.2;
/** An incident whose reports mostly carry codes (or statuses) conflicts with a report carrying another. */
export const DOMINANT_SHARE = 0.5;
/** A status or kind carried by fewer than this share of a large incident's reports is a stray,
 * not its own: a report showing only that conflicts with the incident. */
export const STRAY_SHARE = 0.1;

// --- Evidence weights (matchReport) -----------------------------------------------------------

/** IDF-weighted text cosine, scaled so FULL_TEXT counts fully, times this: it carries slow
 * data-deviation waves where codes and status are absent. */
export const W_TEXT = 0.6;
/** Text cosine that counts as full text evidence: the median for a report and its own incident
 * is about 0.25–0.3 (measured on both public sets), unrelated pairs on one service stay below 0.15. */
export const FULL_TEXT = 0.4;
/** Text cosine at which two texts share something specific (beyond time and symptom type): about
 * the 95th percentile of unrelated pairs on the same service. */
export const SPECIFIC_TEXT = 0.15;
/** …and the shared features must weigh at least this much together (a word in one report of ten
 * weighs about 3.3, one in every other report 1.7, a service's own name about 1): more than
 * one common word. */
export const SPECIFIC_SHARED_WEIGHT = 3;

/** Closeness in time, multiplied by the 0..1 time fit, for failures that happen at an instant. */
export const W_TIME = 0.35;
/** …and for states noticed over days (wrong data, slowness), where several coexist on a service. */
export const W_TIME_STATE = 0.2;

/** Same error code: codes are precise but often omitted, so a match is strong evidence while a
 * missing code is no evidence against. */
export const W_CODE = 0.3;
/** A code the incident's reports (mostly coded) never carry: a different fault. */
export const W_CODE_CONFLICT = 0.3;

/** Same failure mode (exact 4xx, or 5xx, or 2xx). */
export const W_STATUS = 0.15;
/** A failure mode the incident's reports (nearly) never show: 403 vs 503, 429 vs 503. Reporters
 * mix 502/503/504 in one outage, never 403 and 503. */
export const W_STATUS_CONFLICT = 0.45;

/** Same symptom kind (outage, access, data…). */
export const W_KIND = 0.1;
/** Disjoint kinds (an outage vs wrong data on the same service and day). */
export const W_KIND_CONFLICT = 0.2;

/** Both blame the shared platform (Maskinporten/API gateway). */
export const W_PLATFORM = 0.2;
/** One says the token service works, the other that it fails. */
export const W_PLATFORM_CONFLICT = 0.45;

/** The incident is in an active wave (WAVE_MIN_CONSUMERS within WAVE_WINDOW_MS). */
export const W_WAVE = 0.15;

/** Same municipality writing again with a follow-up marker ("SV:", "Fortsatt nede"). */
export const W_FOLLOW_UP = 0.6;
/** A follow-up marker without the title of one of the municipality's reports in the incident
 * counts this much of W_FOLLOW_UP (it may follow up another of its open problems). */
export const UNTITLED_FOLLOW_UP_FACTOR = 0.5;
/** Same municipality, similar title but no marker: likely a repeat report. */
export const W_SAME_CONSUMER = 0.15;
/** Title cosine at which a same-consumer report repeats its earlier one. */
export const SAME_TITLE_SIMILARITY = 0.5;

/** The report states a cause on the consumer's own side. */
export const W_LOCAL = 0.6;
/** …a cause only suspected ("we first thought it was our firewall") counts this much of it. */
export const HEDGED_LOCAL_FACTOR = 0.4;
/** The incident is one other municipality's local problem (stated or only a client-error symptom). */
export const W_LOCAL_INCIDENT = 0.45;

/** A report about one person's data joining an incident whose reports describe many. */
export const W_SINGLE_CASE = 0.45;

/** "Again"/"igjen" long after the incident's last report: a new occurrence, not this one. */
export const W_RECURRENCE_PENALTY = 0.45;

// --- Decision thresholds ----------------------------------------------------------------------

/** Attach at or above this score (below: open a new incident). */
export const ATTACH_THRESHOLD = 0.45;
/** At or above this, the attachment is certain and needs no staff attention. */
export const CERTAIN_THRESHOLD = 0.75;
/** A runner-up this close to the winner makes the decision only "likely" (staff should look). */
export const AMBIGUITY_MARGIN = 0.1;
/** Without any specific shared signal the score is capped this far below the attach threshold. */
export const UNSPECIFIC_MARGIN = 0.05;

// --- Local-looking reports --------------------------------------------------------------------

/** An incident holding this many municipalities (or a reporter pointing at the provider) is no
 * longer one consumer's mistake. */
export const PROVIDER_EVIDENCE_CONSUMERS = 2;

// --- Re-clustering ----------------------------------------------------------------------------

/** Merge score (same scale as matching) at which a merge is applied automatically. */
export const MERGE_CERTAIN_THRESHOLD = 0.75;
/** …and at which it is proposed to staff. */
export const MERGE_PROPOSE_THRESHOLD = 0.5;

/** Local-looking incidents with the same service, environment and symptom opened within this
 * window form a burst: a release breaking access hits everyone within the first hour or two. */
export const LOCAL_BURST_WINDOW_MS = 2 * HOUR;
/** Municipalities in a burst that make it one provider-side problem. */
export const LOCAL_BURST_MIN_CONSUMERS = 3;

// --- Lessons from staff corrections (lessons.ts) ----------------------------------------------

/** Distinctive features taken from each side of a correction. */
export const LESSON_FEATURES_PER_SIDE = 3;
/** …among those carried by at least this share of that side's reports. */
export const LESSON_MIN_SHARE = 0.3;
/** A first lesson lets one feature stand in for the other at this strength; repeats raise it to 1. */
export const LESSON_STRENGTH = 0.5;

// --- Text features (text-features.ts) ---------------------------------------------------------

/** The light stemmer keeps at least this many letters, so short words are never mangled. */
export const MIN_STEM_LENGTH = 4;

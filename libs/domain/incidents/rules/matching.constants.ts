/**
 * Every tuning constant of report deduplication, in one place.
 * Scores are additive evidence on a 0..1 scale (clamped); weights are "how much this signal
 * alone moves a decision", chosen so that no single weak signal can attach a report.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// --- Candidate window -------------------------------------------------------------------------

/** Incidents whose last report is older than this are not candidates: data-deviation waves
 * trickle in over a working week (with a weekend in between), while a recurrence of an old
 * problem weeks later must open a new incident. */
export const CANDIDATE_LOOKBACK_MS = 7 * DAY;

/** Samples per incident the repository hands over (most recent + the first): enough to cover
 * the phrasings of a wave, small enough to keep matching O(candidates × samples) cheap. */
export const MAX_SAMPLE = 10;

/** Bounded cache of derived report signals (trigrams, cues); a day of intake fits easily. */
export const SIGNAL_CACHE_SIZE = 5000;

// --- Time -------------------------------------------------------------------------------------

/** Time fit falls logarithmically from 1 (same instant) to 0 at this gap for ordinary problems:
 * a wrong-data problem is still "the same" a few days later. */
export const TIME_HORIZON_MS = CANDIDATE_LOOKBACK_MS;

/** …and at this gap when both sides describe an outage: an outage silent for a day and a half
 * is over, so new reports are a recurrence (outage waves in practice last 1–4 hours). */
export const OUTAGE_TIME_HORIZON_MS = 36 * HOUR;

/** Reports within this gap of the incident's last report belong to the same active wave. */
export const BURST_GAP_MS = 2 * HOUR;

/** A report announcing a recurrence ("igjen", "again") only refers to an incident whose last
 * report is older than this; within it, "igjen" is just part of the ongoing wave. */
export const RECURRENCE_MIN_GAP_MS = 12 * HOUR;

// --- Evidence weights (matchReport) -----------------------------------------------------------

/** Closeness in time, multiplied by the 0..1 time fit: the strongest structural signal in
 * outage waves, where dozens of municipalities report within minutes. */
export const W_TIME = 0.35;

/** Same error code (field or text): codes are precise but often omitted, so a match is strong
 * evidence while a missing code is no evidence against. */
export const W_CODE = 0.3;
/** Different codes on both sides (SSG-007 vs SSG-008) mean different faults. */
export const W_CODE_CONFLICT = 0.35;

/** Same HTTP status class: weaker than a code (many problems share 5xx). */
export const W_STATUS = 0.15;
/** 4xx vs 5xx vs 2xx: a different failure mode; reporters do mix 503/504, never 403/503. */
export const W_STATUS_CONFLICT = 0.3;

/** Same symptom kind (outage, access, data…): a cheap sanity check on the text. */
export const W_KIND = 0.1;
/** Disjoint kinds (an outage vs wrong data on the same service and day): different problems. */
export const W_KIND_CONFLICT = 0.2;

/** Text similarity 0..1 times this: carries slow data-deviation waves where codes and status
 * are absent; phrasings of one problem typically reach 0.3–0.6, unrelated ones stay < 0.2. */
export const W_TEXT = 0.7;
/** Text similarity below this is treated as noise (shared boilerplate, greetings). */
export const TEXT_NOISE_FLOOR = 0.12;

/** Both reports blame the shared platform (Maskinporten/API gateway). */
export const W_PLATFORM = 0.25;
/** One side blames the platform, the other a single service's own fault. */
export const W_PLATFORM_CONFLICT = 0.3;

/** The incident is in an active multi-consumer wave on this service: a terse "API nede?"
 * arriving then is almost surely the same outage. */
export const W_BURST = 0.15;
/** Distinct consumers within BURST_GAP_MS that make a wave. */
export const BURST_MIN_CONSUMERS = 3;

/** Same municipality writing again with a follow-up marker ("SV:", "Fortsatt nede"). */
export const W_FOLLOW_UP = 0.6;
/** Same municipality, same service, similar title but no marker: likely a repeat report. */
export const W_SAME_CONSUMER = 0.15;
/** Title similarity at which a same-consumer report counts as repeating its earlier one. */
export const SAME_TITLE_SIMILARITY = 0.5;

/** "Again"/"igjen" long after the incident's last report: a new occurrence, not this one. */
export const W_RECURRENCE_PENALTY = 0.45;

// --- Decision thresholds ----------------------------------------------------------------------

/** Attach at or above this score (below: open a new incident). */
export const ATTACH_THRESHOLD = 0.5;
/** At or above this, the attachment is certain and needs no staff attention. */
export const CERTAIN_THRESHOLD = 0.75;
/** A runner-up this close to the winner makes the decision only "likely" (staff should look). */
export const AMBIGUITY_MARGIN = 0.1;

// --- Local-looking reports --------------------------------------------------------------------

/** Distinct consumers in one incident that make a local-looking symptom (403, invalid_scope,
 * 429) provider-side: two municipalities can share a mistake by chance, hardly three at once. */
export const PROVIDER_EVIDENCE_CONSUMERS = 2;

// --- Later merge (proposeMerges) --------------------------------------------------------------

/** Incidents are merge candidates when the younger was opened within this gap of the older
 * one's last report (they "converge in time"). */
export const MERGE_CONVERGENCE_MS = 6 * HOUR;

/** Merge score (same scale as matching) at which a merge is applied automatically. */
export const MERGE_CERTAIN_THRESHOLD = 0.8;
/** …and at which it is proposed to staff. */
export const MERGE_PROPOSE_THRESHOLD = 0.55;

/** Local-looking incidents of distinct consumers with the same service, environment and
 * symptom, all opened within this window, are one provider-side problem when at least
 * LOCAL_BURST_MIN_CONSUMERS of them appear (e.g. everyone's 403 after a release). */
export const LOCAL_BURST_WINDOW_MS = 2 * HOUR;
export const LOCAL_BURST_MIN_CONSUMERS = 3;

export const TIME = { MINUTE, HOUR, DAY } as const;

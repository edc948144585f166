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

/** Time fit falls linearly from 1 (same instant) to 0 at this gap for data deviations and
 * degradations: they are states that municipalities notice one by one over days. */
export const TIME_HORIZON_MS = CANDIDATE_LOOKBACK_MS;

/** …and logarithmically to 0 at this gap when the new report describes an outage ("down now"):
 * waves last 1–4 hours and stragglers come the next morning, so an incident silent for a day
 * and a half is over and a new outage is a recurrence. */
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

/** Text similarity 0..1 times this (above the noise floor): it carries slow data-deviation
 * waves where codes and status are absent. Same-problem pairs are typically 0.2–0.5 (lower
 * across languages), unrelated pairs on one service mostly below 0.2. */
export const W_TEXT = 0.7;
/** Text similarity below this is noise: any two reports share service names and filler. */
export const TEXT_NOISE_FLOOR = 0.12;

/** Shared content weight (see sharedContentWeight) that counts as "something specific in
 * common": one specific domain concept (1.5) or two ordinary content words — not a lone
 * symptom word like "mangler"/"missing", which unrelated data deviations share. */
export const SPECIFIC_SHARED_WEIGHT = 1.5;
/** Trigram similarity at which two texts are near-identical phrasings (copy-paste, templates). */
export const NEAR_IDENTICAL_TRIGRAMS = 0.35;
/** Without any specific shared signal the score is capped this far below the attach threshold. */
export const UNSPECIFIC_MARGIN = 0.05;

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

/** Attach at or above this score (below: open a new incident). The middle of a broad plateau:
 * any value from 0.35 to 0.55 groups the development set almost identically, so the choice
 * does not hinge on a few borderline reports. */
export const ATTACH_THRESHOLD = 0.45;
/** At or above this, the attachment is certain and needs no staff attention. */
export const CERTAIN_THRESHOLD = 0.75;
/** A runner-up this close to the winner makes the decision only "likely" (staff should look). */
export const AMBIGUITY_MARGIN = 0.1;

// --- Local-looking reports --------------------------------------------------------------------

/** An incident holding this many municipalities (or a reporter pointing at the provider) is no
 * longer one consumer's mistake, so a bare local-looking report (403, invalid_scope, 429) may
 * join it — its content must still match like any other report. */
export const PROVIDER_EVIDENCE_CONSUMERS = 2;

// --- Later merge (proposeMerges) --------------------------------------------------------------

/** Merge score (same scale as matching) at which a merge is applied automatically. */
export const MERGE_CERTAIN_THRESHOLD = 0.8;
/** …and at which it is proposed to staff. */
export const MERGE_PROPOSE_THRESHOLD = 0.55;

/** Merge bonus when a bare local-looking incident shows exactly the symptom (service + code,
 * or service + 4xx kind) of an incident that already spans several municipalities: enough to
 * make a content match of ~0.6 certain, not enough to merge unrelated incidents. */
export const W_MERGE_SHARED_SYMPTOM = 0.2;

/** Local-looking incidents with the same service, environment and symptom opened within this
 * window form a burst: a release breaking access hits everyone within the first hour or two. */
export const LOCAL_BURST_WINDOW_MS = 2 * HOUR;
/** Municipalities in a burst that make it one provider-side problem: two can share a mistake
 * by chance, three at once hardly (e.g. everyone's 403 SSG-008 after a release). */
export const LOCAL_BURST_MIN_CONSUMERS = 3;

// --- Text similarity (text-similarity.ts) -----------------------------------------------------

/** The light stemmer keeps at least this many letters, so short words are never mangled. */
export const MIN_STEM_LENGTH = 4;
/** Weight of a concept that names a specific fault or data item ("næringsinntekt", "duplikat"):
 * sharing one is worth more than sharing an ordinary word. */
export const WEIGHT_SPECIFIC_CONCEPT = 1.5;
/** Weight of a symptom concept shared by many problems ("nede", "mangler", "tilgang"). */
export const WEIGHT_SYMPTOM_CONCEPT = 1;
/** Weight of words naming a service or environment, or generic words ("feil", "API", "kall"):
 * matching compares service and environment structurally already. */
export const WEIGHT_GENERIC = 0.25;
/** Numbers (status codes, years) and 2–3 letter fragments help but coincide easily. */
export const WEIGHT_NUMBER_OR_SHORT = 0.5;
/** When trigram and token similarity agree, the weaker adds this share on top of the stronger. */
export const SIMILARITY_AGREEMENT_BONUS = 0.25;

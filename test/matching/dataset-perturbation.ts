/**
 * Deterministic perturbations of a labelled dataset, to check that the matching rules do not
 * depend on incidental details of the development set (exact times, organisation numbers,
 * punctuation, presence of error codes, reporter-chosen category, arrival order of ties).
 */
import type { DatasetRow } from './labelled-dataset';

/** Small seeded PRNG (mulberry32): reproducible runs without a dependency. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** A random organisation number with a valid mod-11 check digit. */
export function randomOrgNumber(rand: () => number): string {
  for (;;) {
    const digits = [8 + Math.floor(rand() * 2), ...Array.from({ length: 7 }, () => Math.floor(rand() * 10))];
    const sum = digits.reduce((s, d, i) => s + d * WEIGHTS[i], 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return [...digits, check].join('');
  }
}

export interface PerturbationOptions {
  seed: number;
  /** constant shift of every timestamp */
  shiftMs: number;
  /** share of titles lower-cased and stripped of punctuation */
  plainTitleRate: number;
  /** share of reports losing their errorCode field */
  dropErrorCodeRate: number;
  /** share of reports losing their httpStatus field */
  dropStatusRate: number;
  /** share of security/privacy reports filed under an ordinary category (noisy category) */
  securityMiscategorisedRate: number;
  /** share of ordinary reports whose category flips between incident and deviation */
  categoryFlipRate: number;
  /** share of reports with one typo (two adjacent letters swapped) in the description */
  typoRate: number;
  /** share of descriptions cut to their first sentence (terse reports) */
  truncateRate: number;
}

export const DEFAULT_PERTURBATION: PerturbationOptions = {
  seed: 20260217,
  shiftMs: (11 * 24 + 5) * 3_600_000 + 17 * 60_000,
  plainTitleRate: 0.5,
  dropErrorCodeRate: 0.2,
  dropStatusRate: 0.15,
  securityMiscategorisedRate: 0.4,
  categoryFlipRate: 0.2,
  typoRate: 0.25,
  truncateRate: 0.1,
};

function shift(iso: string | null | undefined, ms: number): string | null | undefined {
  return iso ? new Date(new Date(iso).getTime() + ms).toISOString() : iso;
}

function plainTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function addTypo(text: string, rand: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{5,}$/u.test(w));
  if (candidates.length === 0) return text;
  const [word, index] = candidates[Math.floor(rand() * candidates.length)];
  const at = 1 + Math.floor(rand() * (word.length - 2));
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text;
}

/**
 * Apply the perturbations. Organisation numbers are remapped consistently (a municipality keeps
 * one number, so its follow-ups still come from the same consumer); refs are replaced by random
 * ids so that ties in receivedAt are processed in a different order.
 */
export function perturbDataset(rows: readonly DatasetRow[], options: PerturbationOptions = DEFAULT_PERTURBATION): DatasetRow[] {
  const rand = seededRandom(options.seed);
  const orgMap = new Map<string, string>();
  const usedIds = new Set<string>();
  const newId = (): string => {
    for (;;) {
      const id = `p${Math.floor(rand() * 1e9).toString(36)}`;
      if (!usedIds.has(id)) return (usedIds.add(id), id);
    }
  };
  return rows.map((row) => {
    const org = orgMap.get(row.consumer.orgNumber) ?? randomOrgNumber(rand);
    orgMap.set(row.consumer.orgNumber, org);
    const isSecurity = row.category === 'security' || row.category === 'privacy';
    let category = row.category;
    if (isSecurity && rand() < options.securityMiscategorisedRate) category = rand() < 0.5 ? 'incident' : 'deviation';
    else if (!isSecurity && rand() < options.categoryFlipRate) category = row.category === 'incident' ? 'deviation' : 'incident';
    let description = row.description;
    if (rand() < options.truncateRate) description = firstSentence(description);
    if (rand() < options.typoRate) description = addTypo(description, rand);
    return {
      ...row,
      ref: newId(),
      receivedAt: shift(row.receivedAt, options.shiftMs)!,
      occurredAt: shift(row.occurredAt, options.shiftMs) ?? null,
      consumer: { ...row.consumer, orgNumber: org },
      category,
      title: rand() < options.plainTitleRate ? plainTitle(row.title) : row.title,
      description,
      errorCode: rand() < options.dropErrorCodeRate ? null : (row.errorCode ?? null),
      httpStatus: rand() < options.dropStatusRate ? null : (row.httpStatus ?? null),
    };
  });
}

/** Rows of the clusters whose first report arrived before (or from) a date: a hold-out split. */
export function splitByClusterStart(rows: readonly DatasetRow[], isoDate: string): { early: DatasetRow[]; late: DatasetRow[] } {
  const firstSeen = new Map<string, string>();
  for (const r of rows) {
    const c = r.label?.cluster ?? r.ref;
    const prev = firstSeen.get(c);
    if (!prev || r.receivedAt < prev) firstSeen.set(c, r.receivedAt);
  }
  const early = rows.filter((r) => firstSeen.get(r.label?.cluster ?? r.ref)! < isoDate);
  const late = rows.filter((r) => firstSeen.get(r.label?.cluster ?? r.ref)! >= isoDate);
  return { early, late };
}

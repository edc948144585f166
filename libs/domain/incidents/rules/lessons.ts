/**
 * What a staff correction teaches. When staff merge two incidents, or move a report into an
 * incident, they say the two describe one problem although matching did not see it: the words
 * that distinguish one side (which the other lacks) stand for the words that distinguish the
 * other. Each such pair becomes a lesson; text similarity then lets one stand in for the other
 * (at the lesson's strength), and the decision's reasons name the lesson.
 * Pure.
 */
import type { Weigher } from './feature-similarity';
import type { IncidentProfile } from './incident-profile';
import { LESSON_FEATURES_PER_SIDE, LESSON_MIN_SHARE, LESSON_STRENGTH } from './matching.constants';

export interface Lesson {
  a: string;
  b: string;
  strength: number;
}

/** The features of `p` that `other` lacks, most telling first (share of p's reports × weight). */
export function distinctiveFeatures(
  p: IncidentProfile,
  other: IncidentProfile,
  weigh: Weigher,
  limit = LESSON_FEATURES_PER_SIDE,
): string[] {
  const n = Math.max(1, p.reports);
  return [...p.features.entries()]
    .filter(([f, count]) => !other.features.has(f) && count / n >= LESSON_MIN_SHARE)
    .map(([f, count]) => [f, (count / n) * weigh(f)] as const)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([f]) => f);
}

export function lessonsFrom(into: IncidentProfile, from: IncidentProfile, weigh: Weigher): Lesson[] {
  const a = distinctiveFeatures(into, from, weigh);
  const b = distinctiveFeatures(from, into, weigh);
  return a.flatMap((x) => b.map((y) => ({ a: x, b: y, strength: LESSON_STRENGTH })));
}

/**
 * How long open incidents have been open, in the buckets the dashboard shows: a day is still
 * fresh, a week is where an incident should have been triaged and escalated, a month is stale.
 */
export const AGE_BUCKETS = ['under-1-day', '1-6-days', '7-29-days', '30-days-or-more'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The first whole day count of each bucket after the first, in the order of AGE_BUCKETS. */
const FROM_DAYS = [1, 7, 30];

/** The bucket of an incident open for `days` whole days (0 = less than 24 hours). */
export function ageBucket(days: number): AgeBucket {
  return AGE_BUCKETS[FROM_DAYS.filter((from) => days >= from).length];
}

const DAY = 86_400_000;

/** Whole days left until the change (0: less than a day), as a reminder says it. */
export function wholeDaysLeft(effectiveAt: Date, now: Date): number {
  return Math.max(0, Math.floor((effectiveAt.getTime() - now.getTime()) / DAY));
}

/**
 * The reminder due now for a recipient not yet ready: the smallest configured lead time (days
 * before the effective date) that has been reached and not yet sent. Only one is due at a time,
 * so a notice sent late does not fire its 14- and 3-day reminders together. A lead time the
 * notice was already within when it was sent has no reminder: the notice itself has just arrived.
 * Null when none is due or the date has passed.
 */
export function dueReminder(
  effectiveAt: Date,
  now: Date,
  leadDays: readonly number[],
  alreadySent: readonly number[],
  sentAt: Date | null = null,
): number | null {
  const left = effectiveAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const leadAtSending = sentAt ? effectiveAt.getTime() - sentAt.getTime() : Number.POSITIVE_INFINITY;
  const reached = leadDays.filter((d) => left <= d * DAY && d * DAY < leadAtSending).sort((a, b) => a - b);
  if (!reached.length) return null;
  const smallest = reached[0];
  // A smaller lead time supersedes the larger ones: once the 3-day one is due, the 14-day one is moot.
  if (alreadySent.some((d) => d <= smallest)) return null;
  return smallest;
}

const DAY = 86_400_000;

/**
 * The reminder due now for a recipient not yet ready: the smallest configured lead time (days
 * before the effective date) that has been reached and not yet sent. Only one is due at a time,
 * so a notice sent late does not fire its 14- and 3-day reminders together. Null when none is due
 * or the date has passed.
 */
export function dueReminder(effectiveAt: Date, now: Date, leadDays: readonly number[], alreadySent: readonly number[]): number | null {
  const left = effectiveAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const reached = leadDays.filter((d) => left <= d * DAY).sort((a, b) => a - b);
  if (!reached.length) return null;
  const smallest = reached[0];
  // A smaller lead time supersedes the larger ones: once the 3-day one is due, the 14-day one is moot.
  if (alreadySent.some((d) => d <= smallest)) return null;
  return smallest;
}

const DAY_MS = 86_400_000;
const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Monday ('YYYY-MM-DD') of the Norwegian calendar week an instant falls in, as the dashboard's weeks are. */
export function osloMonday(at: Date): string {
  const day = new Date(`${OSLO_DATE.format(at)}T00:00:00Z`);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** The Mondays of the `weeks` weeks up to and including the one `until` falls in, oldest first. */
export function mondaysUntil(until: Date, weeks: number): string[] {
  const last = Date.parse(`${osloMonday(until)}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, i) => new Date(last - (weeks - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** One clock that stopped: when (the first answer, the resolution) and whether within its target. */
export interface SlaOutcome {
  at: Date;
  kept: boolean;
}

export interface WeekShare {
  kept: number;
  total: number;
}

/** Outcomes counted per week they happened in; outcomes outside the weeks are left out. */
export function sharesPerWeek(outcomes: readonly SlaOutcome[], mondays: readonly string[]): WeekShare[] {
  const shares = new Map(mondays.map((m) => [m, { kept: 0, total: 0 }]));
  for (const o of outcomes) {
    const share = shares.get(osloMonday(o.at));
    if (!share) continue;
    share.total++;
    if (o.kept) share.kept++;
  }
  return mondays.map((m) => shares.get(m)!);
}

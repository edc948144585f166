import type { EntityManager } from 'typeorm';

/** Counts per week: `weeks` are the Mondays ('YYYY-MM-DD') oldest first; each series has one count per week, 0 for none. */
export interface WeeklyCounts {
  weeks: string[];
  /** Largest total first, then by key. */
  series: Array<{ key: string; counts: number[] }>;
}

/** What to count: a SELECT of `at` (timestamptz) and `key` (text) per row, with its own parameters ($1…). */
export interface WeeklySource {
  sql: string;
  params: unknown[];
}

/**
 * The rows of `source` counted per key and week, for the `weeks` weeks up to and including the
 * one `until` falls in. Weeks are Norwegian calendar weeks (Monday 00:00 Europe/Oslo, whatever
 * the server's zone), so a report on Sunday evening counts in the week people remember it in and
 * the weeks around a change to or from summer time keep their true length. Weeks without rows
 * are there with 0.
 */
export async function countPerOsloWeek(manager: EntityManager, source: WeeklySource, until: Date, weeks: number): Promise<WeeklyCounts> {
  const u = `$${source.params.length + 1}::timestamptz`;
  const n = `$${source.params.length + 2}::int`;
  // The weeks as Oslo wall-clock Mondays; rows are read only within them (one pass, an index on
  // the time column can serve it) and grouped by their own Oslo Monday, then joined to every week.
  const last = `date_trunc('week', ${u} AT TIME ZONE 'Europe/Oslo')`;
  const first = `(${last} - (${n} - 1) * interval '1 week')`;
  const rows: Array<{ week: string; key: string | null; n: number }> = await manager.query(
    `WITH source AS (${source.sql}),
     counted AS (
       SELECT date_trunc('week', at AT TIME ZONE 'Europe/Oslo') AS week, key, count(*)::int AS n
       FROM source
       WHERE at >= (${first} AT TIME ZONE 'Europe/Oslo') AND at < ((${last} + interval '1 week') AT TIME ZONE 'Europe/Oslo')
       GROUP BY 1, 2)
     SELECT to_char(w.week, 'YYYY-MM-DD') AS week, c.key, coalesce(c.n, 0) AS n
     FROM generate_series(${first}, ${last}, interval '1 week') AS w(week)
     LEFT JOIN counted c ON c.week = w.week
     ORDER BY w.week`,
    [...source.params, until, weeks],
  );
  const weekList = [...new Set(rows.map((r) => r.week))];
  const index = new Map(weekList.map((w, i) => [w, i]));
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    if (r.key === null) continue;
    const counts = byKey.get(r.key) ?? weekList.map(() => 0);
    counts[index.get(r.week)!] = Number(r.n);
    byKey.set(r.key, counts);
  }
  const total = (c: number[]) => c.reduce((a, b) => a + b, 0);
  const series = [...byKey].map(([key, counts]) => ({ key, counts }));
  series.sort((a, b) => total(b.counts) - total(a.counts) || a.key.localeCompare(b.key));
  return { weeks: weekList, series };
}

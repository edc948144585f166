/**
 * Dates and instants as people and systems send them, read strictly. JavaScript's own parser
 * rolls impossible dates over (2026-02-30 becomes 2 March), takes numbers as milliseconds and
 * years up to 275760: none of that is what a sender meant, so it is refused instead.
 */

/** Years a date in this domain can have: agreements, Bilag 2 versions, reports. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' naming a real day → itself; anything else → null. */
export function parseCalendarDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value);
  return m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) ? value : null;
}

/**
 * An ISO 8601 date-time with its offset (`2026-03-01T08:00:00Z`, `…+01:00`) naming a real
 * moment → that instant; without an offset it would be a guess, so → null, as is anything else.
 */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = INSTANT.exec(value);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[9] && (Number(m[10]) > 14 || Number(m[11]) > 59)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

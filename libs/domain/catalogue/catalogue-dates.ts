/**
 * Bilag 2 versions apply from a calendar day in Norway. An instant is turned into that day in
 * Europe/Oslo, so a version effective 2026-01-01 applies from midnight Norwegian time.
 */
const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function osloDay(at: Date): string {
  return OSLO_DAY.format(at);
}

function isCalendarDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/**
 * 'YYYY-MM-DD' → itself; an ISO date-time with an offset → its day in Oslo; without an offset
 * it is already local time, so its date part. Anything else (or an impossible date) → null.
 */
export function toCatalogueDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (DAY.test(text)) return isCalendarDay(text) ? text : null;
  const m = DATE_TIME.exec(text);
  if (!m || !isCalendarDay(m[1])) return null;
  if (!m[2]) return m[1];
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : osloDay(at);
}

import { parseCalendarDate } from '@domain/shared';

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

/**
 * 'YYYY-MM-DD' → itself; an ISO date-time with an offset → its day in Oslo; without an offset
 * it is already local time, so its date part. Anything else (or an impossible date) → null.
 */
export function toCatalogueDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (DAY.test(text)) return parseCalendarDate(text);
  const m = DATE_TIME.exec(text);
  if (!m || !parseCalendarDate(m[1])) return null;
  if (!m[2]) return m[1];
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : osloDay(at);
}

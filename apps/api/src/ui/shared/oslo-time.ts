/** Norwegian wall-clock time in forms (datetime-local), whatever the server's zone. */
import { isCalendarDay } from '@domain/shared';

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Oslo's wall clock is ahead of UTC at an instant. */
function osloOffsetMs(at: number): number {
  const p = Object.fromEntries(OSLO_PARTS.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(at / 1000) * 1000;
}

/** A datetime-local value is Norwegian wall-clock time, whatever the server's zone. */
export function fromOsloLocal(value: string): Date {
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  return new Date(wall - osloOffsetMs(wall - osloOffsetMs(wall)));
}

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/**
 * A datetime-local value naming a real wall-clock time in Norway → that instant; anything else,
 * an impossible day such as 30 February among it, → null (fromOsloLocal would roll it over).
 */
export function osloLocalInstant(value: string): Date | null {
  const m = LOCAL_DATETIME.exec(value);
  if (!m || !isCalendarDay(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59) return null;
  return fromOsloLocal(value);
}

const OSLO_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The day an instant falls on in Norway, as a date field shows it (YYYY-MM-DD). */
export function osloDay(at: Date): string {
  const p = Object.fromEntries(OSLO_DAY.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The instant a day typed as YYYY-MM-DD (`later` days on) starts in Norway, as people there count
 * days; a date the calendar does not have (2026-13-01, 2026-02-30) gives undefined.
 */
export function osloDayStart(value: string, later = 0): Date | undefined {
  const match = DAY.exec(value);
  if (!match) return undefined;
  const [y, m, d] = match.slice(1).map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return undefined;
  const start = new Date(Date.UTC(y, m - 1, d + later));
  return fromOsloLocal(`${pad(start.getUTCFullYear(), 4)}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}T00:00`);
}

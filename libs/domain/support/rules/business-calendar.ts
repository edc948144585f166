import { norwegianPublicHolidays } from './norwegian-holidays';

/**
 * Opening hours in a time zone. Norwegian public holidays are always closed; `closedDays` adds
 * the organisation's own (Christmas Eve, New Year's Eve).
 */
export interface BusinessHours {
  /** IANA time zone the opening hours are kept in, e.g. Europe/Oslo. */
  timeZone: string;
  /** Working weekdays, ISO numbered: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Opening and closing as minutes after local midnight; closing at 1440 is midnight. */
  opensAtMinute: number;
  closesAtMinute: number;
  /** Further closed days: 'MM-DD' every year, or 'YYYY-MM-DD' once. */
  closedDays: readonly string[];
}

interface Window {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far ahead to look for an open day before deciding the calendar is never open. */
const MAX_SEARCH_DAYS = 3_660;
const CLOSED_DAY = /^(?:\d{4}-)?(\d{2})-(\d{2})$/;

/**
 * Business time in one time zone, independent of the machine's own zone: local days and their
 * opening hours are turned into instants with the zone's offset on that day (read from Intl's
 * time zone database), so the hours stay 08:00–16:00 local across daylight-saving changes.
 * A local time that does not exist (skipped by a spring change) means the first instant after
 * the gap, and one that occurs twice (autumn) the earlier, as Temporal's "compatible" does.
 */
export class BusinessCalendar {
  private readonly zoneFormat: Intl.DateTimeFormat;
  private readonly workingDays: ReadonlySet<number>;
  private readonly closedDays: ReadonlySet<string>;
  private readonly windows = new Map<number, Window | null>();
  private readonly holidays = new Map<number, ReadonlySet<string>>();

  constructor(readonly hours: BusinessHours) {
    try {
      this.zoneFormat = new Intl.DateTimeFormat('en-US', {
        timeZone: hours.timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone "${hours.timeZone}"`);
    }
    if (!hours.days.length || hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      throw new RangeError(`working days must be one or more of 1 (Monday) to 7 (Sunday), got [${hours.days.join(', ')}]`);
    const { opensAtMinute: opens, closesAtMinute: closes } = hours;
    if (!Number.isInteger(opens) || !Number.isInteger(closes) || opens < 0 || closes > 1440 || opens >= closes)
      throw new RangeError(`opening hours must satisfy 0 <= opens < closes <= 1440 minutes, got ${opens}-${closes}`);
    for (const day of hours.closedDays) {
      const m = CLOSED_DAY.exec(day);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 12 || Number(m[2]) < 1 || Number(m[2]) > 31)
        throw new RangeError(`closed days are 'MM-DD' or 'YYYY-MM-DD', got "${day}"`);
    }
    this.workingDays = new Set(hours.days);
    this.closedDays = new Set(hours.closedDays);
  }

  isBusinessTime(at: Date): boolean {
    const t = at.getTime();
    const window = this.window(this.localDay(t));
    return window !== null && window.start <= t && t < window.end;
  }

  /** When business hours end on the local day of `at`; null on a closed day. */
  closingOn(at: Date): Date | null {
    const window = this.window(this.localDay(at.getTime()));
    return window ? new Date(window.end) : null;
  }

  /** `at` itself during business time, otherwise the next opening. */
  nextBusinessStart(at: Date): Date {
    const t = at.getTime();
    const first = this.localDay(t);
    for (let day = first; day <= first + MAX_SEARCH_DAYS; day++) {
      const window = this.window(day);
      if (window && window.end > t) return new Date(Math.max(window.start, t));
    }
    throw this.neverOpen(at);
  }

  /** Business time from `from` to `to` in milliseconds; negative when `to` is before `from`. */
  businessMillisBetween(from: Date, to: Date): number {
    const [a, b] = [from.getTime(), to.getTime()];
    if (b < a) return -this.businessMillisBetween(to, from);
    let total = 0;
    for (let day = this.localDay(a), last = this.localDay(b); day <= last; day++) {
      const window = this.window(day);
      if (window) total += Math.max(0, Math.min(window.end, b) - Math.max(window.start, a));
    }
    return total;
  }

  /**
   * The earliest instant with `millis` of business time since `start`: a due date. It lies in
   * business time or at a closing time (8 business hours from Monday 08:00 is Monday 16:00).
   */
  addBusinessMillis(start: Date, millis: number): Date {
    if (!Number.isFinite(millis) || millis < 0) throw new RangeError(`business time to add must be zero or more, got ${millis}`);
    const t = start.getTime();
    if (millis === 0) return new Date(t);
    let left = millis;
    for (let day = this.localDay(t), lastOpen = day; day <= lastOpen + MAX_SEARCH_DAYS; day++) {
      const window = this.window(day);
      if (!window || window.end <= t) continue;
      lastOpen = day;
      const from = Math.max(window.start, t);
      if (left <= window.end - from) return new Date(from + left);
      left -= window.end - from;
    }
    throw this.neverOpen(start);
  }

  /** The opening hours of a local day (days since 1970-01-01 in the zone), or null when closed. */
  private window(day: number): Window | null {
    let window = this.windows.get(day);
    if (window === undefined) {
      window = this.isOpenDay(day)
        ? { start: this.instant(day, this.hours.opensAtMinute), end: this.instant(day, this.hours.closesAtMinute) }
        : null;
      // A gap can swallow short opening hours whole.
      if (window && window.start >= window.end) window = null;
      this.windows.set(day, window);
    }
    return window;
  }

  private isOpenDay(day: number): boolean {
    const date = new Date(day * DAY_MS);
    const isoWeekday = date.getUTCDay() || 7;
    if (!this.workingDays.has(isoWeekday)) return false;
    const iso = date.toISOString().slice(0, 10);
    return !this.closedDays.has(iso) && !this.closedDays.has(iso.slice(5)) && !this.holidaysOf(date.getUTCFullYear()).has(iso);
  }

  private holidaysOf(year: number): ReadonlySet<string> {
    let dates = this.holidays.get(year);
    if (!dates) {
      dates = new Set(norwegianPublicHolidays(year).map((h) => h.date));
      this.holidays.set(year, dates);
    }
    return dates;
  }

  /** The local day an instant falls on, as days since 1970-01-01. */
  private localDay(t: number): number {
    return Math.floor((t + this.offset(t)) / DAY_MS);
  }

  /** The instant of a local wall-clock time, disambiguated as Temporal's "compatible". */
  private instant(day: number, minute: number): number {
    const wall = day * DAY_MS + minute * MINUTE_MS;
    // Offsets change at most once around a given day, so the offsets a day either side are the only candidates.
    const before = this.offset(wall - DAY_MS);
    const after = this.offset(wall + DAY_MS);
    const valid = [wall - before, wall - after].filter((t) => this.offset(t) === wall - t);
    return valid.length ? Math.min(...valid) : wall - before;
  }

  /** The zone's offset from UTC at an instant, in milliseconds. */
  private offset(t: number): number {
    const fields: Record<string, number> = {};
    for (const part of this.zoneFormat.formatToParts(new Date(t))) fields[part.type] = Number(part.value);
    const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    return wall - (t - (((t % 1000) + 1000) % 1000));
  }

  private neverOpen(at: Date): Error {
    return new RangeError(`no business time within ${MAX_SEARCH_DAYS} days of ${at.toISOString()}`);
  }
}

/**
 * Norwegian public holidays, computed for any year of the Gregorian calendar.
 *
 * Sources of truth:
 * - Lov om helligdager og helligdagsfred (helligdagsfredloven, LOV-1995-02-24-12) § 2: the
 *   holidays are Sundays, New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and
 *   Monday, Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day.
 * - Lov om 1. og 17. mai som høgtidsdagar (LOV-1947-04-26-1): 1 May and 17 May are public
 *   holidays (offentlige høytidsdager) as well.
 * - Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher, 1876), the
 *   computus the Church of Norway follows; the moveable feasts are fixed offsets from it.
 */

export const NORWEGIAN_HOLIDAYS = [
  'new_years_day',
  'maundy_thursday',
  'good_friday',
  'easter_sunday',
  'easter_monday',
  'labour_day',
  'constitution_day',
  'ascension_day',
  'whit_sunday',
  'whit_monday',
  'christmas_day',
  'boxing_day',
] as const;
export type NorwegianHoliday = (typeof NORWEGIAN_HOLIDAYS)[number];

export interface PublicHoliday {
  /** The day in the Norwegian calendar, 'YYYY-MM-DD'. */
  date: string;
  holiday: NorwegianHoliday;
}

/** The first year of the Gregorian calendar, where the algorithm holds. */
export const FIRST_GREGORIAN_YEAR = 1583;

const DAY_MS = 86_400_000;

/** Easter Sunday of a Gregorian year as 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(Date.UTC(year, month - 1, day));
}

/**
 * The public holidays of a year in date order. Ordinary Sundays are left out: they are closed
 * days of any working week already. Two holidays can fall on one day (Ascension on 1 May in
 * 2008, Whit Monday on 17 May in 2027); both are listed.
 */
export function norwegianPublicHolidays(year: number): readonly PublicHoliday[] {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = (days: number) => isoDay(easter + days * DAY_MS);
  const fixed = (month: number, day: number) => isoDay(Date.UTC(year, month - 1, day));
  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), holiday: 'new_years_day' },
    { date: fromEaster(-3), holiday: 'maundy_thursday' },
    { date: fromEaster(-2), holiday: 'good_friday' },
    { date: fromEaster(0), holiday: 'easter_sunday' },
    { date: fromEaster(1), holiday: 'easter_monday' },
    { date: fixed(5, 1), holiday: 'labour_day' },
    { date: fixed(5, 17), holiday: 'constitution_day' },
    { date: fromEaster(39), holiday: 'ascension_day' },
    { date: fromEaster(49), holiday: 'whit_sunday' },
    { date: fromEaster(50), holiday: 'whit_monday' },
    { date: fixed(12, 25), holiday: 'christmas_day' },
    { date: fixed(12, 26), holiday: 'boxing_day' },
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > 9999)
    throw new RangeError(`year must be a whole number from ${FIRST_GREGORIAN_YEAR} to 9999, got ${year}`);
}

function isoDay(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

import { BusinessCalendar, type BusinessHours } from './business-calendar';

const OSLO: BusinessHours = {
  timeZone: 'Europe/Oslo',
  days: [1, 2, 3, 4, 5],
  opensAtMinute: 8 * 60,
  closesAtMinute: 16 * 60,
  closedDays: [],
};
const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);

describe('business calendar, Mon–Fri 08:00–16:00 Europe/Oslo', () => {
  const calendar = new BusinessCalendar(OSLO);

  it.each<[string, string, string, number]>([
    ['within one morning', '2026-11-30T09:00+01:00', '2026-11-30T11:00+01:00', 2 * HOUR],
    ['from before opening', '2026-11-30T06:00+01:00', '2026-11-30T08:30+01:00', 30 * MINUTE],
    ['over a night', '2026-11-30T17:00+01:00', '2026-12-01T09:00+01:00', HOUR],
    ['over a weekend', '2026-11-27T15:00+01:00', '2026-11-30T09:00+01:00', 2 * HOUR],
    ['within a weekend', '2026-11-28T09:00+01:00', '2026-11-29T15:00+01:00', 0],
    ['a whole working week', '2026-11-30T00:00+01:00', '2026-12-05T00:00+01:00', 40 * HOUR],
    ['over Easter (Maundy Thursday to Easter Monday)', '2026-04-01T15:00+02:00', '2026-04-07T09:00+02:00', 2 * HOUR],
    ['over Ascension Day', '2026-05-13T15:00+02:00', '2026-05-15T09:00+02:00', 2 * HOUR],
    ['over 17 May on Whit Monday', '2027-05-14T15:00+02:00', '2027-05-18T09:00+02:00', 2 * HOUR],
    ['over 1 May', '2026-04-30T15:00+02:00', '2026-05-04T09:00+02:00', 2 * HOUR],
    ['over Christmas, Christmas Eve a working day', '2026-12-23T15:00+01:00', '2026-12-28T09:00+01:00', 10 * HOUR],
    ['over the spring daylight-saving change', '2026-03-27T15:00+01:00', '2026-03-30T09:00+02:00', 2 * HOUR],
    ['over the autumn daylight-saving change', '2026-10-23T15:00+02:00', '2026-10-26T09:00+01:00', 2 * HOUR],
    ['the year 2026: 253 working days', '2026-01-01T00:00+01:00', '2027-01-01T00:00+01:00', 253 * 8 * HOUR],
    ['backwards, negative', '2026-11-30T11:00+01:00', '2026-11-30T09:00+01:00', -2 * HOUR],
    ['no time at all', '2026-11-30T11:00+01:00', '2026-11-30T11:00+01:00', 0],
  ])('business time %s', (_, from, to, expected) => {
    expect(calendar.businessMillisBetween(at(from), at(to))).toBe(expected);
  });

  it.each<[string, string, number, string]>([
    ['within the day', '2026-11-30T09:00+01:00', HOUR, '2026-11-30T10:00+01:00'],
    ['to closing time, not the next morning', '2026-11-30T09:00+01:00', 7 * HOUR, '2026-11-30T16:00+01:00'],
    ['past closing into the next morning', '2026-11-30T09:00+01:00', 7 * HOUR + MINUTE, '2026-12-01T08:01+01:00'],
    ['from a Saturday', '2026-11-28T10:00+01:00', HOUR, '2026-11-30T09:00+01:00'],
    ['from the evening', '2026-11-30T20:00+01:00', 30 * MINUTE, '2026-12-01T08:30+01:00'],
    ['five business days', '2026-11-30T08:00+01:00', 40 * HOUR, '2026-12-04T16:00+01:00'],
    ['over Easter', '2026-04-01T15:00+02:00', 2 * HOUR, '2026-04-07T09:00+02:00'],
    ['over Ascension Day', '2026-05-13T15:00+02:00', 2 * HOUR, '2026-05-15T09:00+02:00'],
    ['over 17 May on Whit Monday', '2027-05-14T15:00+02:00', 2 * HOUR, '2027-05-18T09:00+02:00'],
    ['over Christmas', '2026-12-23T15:00+01:00', 10 * HOUR, '2026-12-28T09:00+01:00'],
    ['over New Year', '2026-12-31T15:00+01:00', 2 * HOUR, '2027-01-04T09:00+01:00'],
    ['over the spring change: 09:00 summer time', '2026-03-27T15:00+01:00', 2 * HOUR, '2026-03-30T09:00+02:00'],
    ['over the autumn change: 09:00 winter time', '2026-10-23T15:00+02:00', 2 * HOUR, '2026-10-26T09:00+01:00'],
    ['nothing: the start itself, even when closed', '2026-11-28T10:00+01:00', 0, '2026-11-28T10:00+01:00'],
  ])('adds business time %s', (_, start, millis, expected) => {
    expect(calendar.addBusinessMillis(at(start), millis).toISOString()).toBe(at(expected).toISOString());
  });

  it.each<[string, string, boolean]>([
    ['at opening', '2026-11-30T08:00+01:00', true],
    ['a minute before opening', '2026-11-30T07:59+01:00', false],
    ['the last minute', '2026-11-30T15:59+01:00', true],
    ['at closing', '2026-11-30T16:00+01:00', false],
    ['on a Saturday', '2026-11-28T10:00+01:00', false],
    ['on Good Friday', '2026-04-03T10:00+02:00', false],
    ['on 17 May on a weekday', '2028-05-17T10:00+02:00', false],
    ['on Christmas Eve, open unless configured closed', '2026-12-24T10:00+01:00', true],
    ['at 08:30 summer time (06:30 UTC)', '2026-03-30T08:30+02:00', true],
    ['at 16:30 summer time (14:30 UTC)', '2026-03-30T16:30+02:00', false],
  ])('is business time %s: %s', (_, instant, expected) => {
    expect(calendar.isBusinessTime(at(instant))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['during business time: itself', '2026-11-30T10:00+01:00', '2026-11-30T10:00+01:00'],
    ['at closing: the next morning', '2026-11-30T16:00+01:00', '2026-12-01T08:00+01:00'],
    ['on a Friday evening: Monday', '2026-11-27T17:00+01:00', '2026-11-30T08:00+01:00'],
    ['before Easter: the Tuesday after', '2026-04-01T16:00+02:00', '2026-04-07T08:00+02:00'],
    ['on the weekend of the spring change', '2026-03-28T12:00+01:00', '2026-03-30T08:00+02:00'],
  ])('next business start %s', (_, instant, expected) => {
    expect(calendar.nextBusinessStart(at(instant)).toISOString()).toBe(at(expected).toISOString());
  });

  it.each<[string, string, string | null]>([
    ['in the morning: 16:00 that day', '2026-11-30T07:00+01:00', '2026-11-30T16:00+01:00'],
    ['in the evening: 16:00 that day, already past', '2026-11-30T22:00+01:00', '2026-11-30T16:00+01:00'],
    ['on a Saturday: none', '2026-11-28T12:00+01:00', null],
    ['on Easter Monday: none', '2026-04-06T12:00+02:00', null],
    ['on the day of the spring change: summer time', '2026-03-30T09:00+02:00', '2026-03-30T16:00+02:00'],
  ])('closing %s', (_, instant, expected) => {
    expect(calendar.closingOn(at(instant))?.toISOString() ?? null).toBe(expected && at(expected).toISOString());
  });
});

describe('configured business hours', () => {
  it('keeps further closed days, every year or once', () => {
    const calendar = new BusinessCalendar({ ...OSLO, closedDays: ['12-24', '12-31', '2026-11-30'] });
    expect(calendar.businessMillisBetween(at('2026-12-23T15:00+01:00'), at('2026-12-28T09:00+01:00'))).toBe(2 * HOUR);
    expect(calendar.addBusinessMillis(at('2027-12-23T15:00+01:00'), 2 * HOUR).toISOString()).toBe(
      at('2027-12-27T09:00+01:00').toISOString(),
    );
    expect(calendar.isBusinessTime(at('2026-12-31T10:00+01:00'))).toBe(false);
    expect(calendar.isBusinessTime(at('2026-11-30T10:00+01:00'))).toBe(false);
    expect(calendar.isBusinessTime(at('2027-11-30T10:00+01:00'))).toBe(true);
  });

  it('follows other hours and working days', () => {
    const calendar = new BusinessCalendar({ ...OSLO, days: [2, 3, 4, 5, 6], opensAtMinute: 9 * 60, closesAtMinute: 15 * 60 + 30 });
    expect(calendar.isBusinessTime(at('2026-11-30T10:00+01:00'))).toBe(false); // Monday
    expect(calendar.isBusinessTime(at('2026-11-28T10:00+01:00'))).toBe(true); // Saturday
    expect(calendar.addBusinessMillis(at('2026-11-28T15:00+01:00'), HOUR).toISOString()).toBe(at('2026-12-01T09:30+01:00').toISOString());
  });

  it('follows another zone and its own daylight-saving dates, with Norwegian holidays', () => {
    const calendar = new BusinessCalendar({ ...OSLO, timeZone: 'America/New_York', opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 });
    // New York moves its clocks on 8 March 2026, three weeks before Oslo.
    expect(calendar.businessMillisBetween(at('2026-03-06T16:00-05:00'), at('2026-03-09T10:00-04:00'))).toBe(2 * HOUR);
    expect(calendar.isBusinessTime(at('2026-05-01T10:00-04:00'))).toBe(false);
  });

  it('measures real hours round the clock: the spring day has 23, the autumn day 25', () => {
    const calendar = new BusinessCalendar({ ...OSLO, days: [1, 2, 3, 4, 5, 6, 7], opensAtMinute: 0, closesAtMinute: 1440 });
    expect(calendar.businessMillisBetween(at('2026-03-28T00:00+01:00'), at('2026-03-30T00:00+02:00'))).toBe(47 * HOUR);
    expect(calendar.businessMillisBetween(at('2026-10-24T00:00+02:00'), at('2026-10-26T00:00+01:00'))).toBe(49 * HOUR);
    expect(calendar.addBusinessMillis(at('2026-03-29T00:00+01:00'), 3 * HOUR).toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });

  it('opens after the gap when the opening time is skipped, and at the first of two when it repeats', () => {
    const calendar = new BusinessCalendar({ ...OSLO, days: [7], opensAtMinute: 2 * 60 + 30, closesAtMinute: 16 * 60 });
    // 29 March 2026: 02:30 does not exist in Oslo; the clocks jump from 02:00 to 03:00 (01:00 UTC).
    expect(calendar.nextBusinessStart(at('2026-03-29T00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(calendar.isBusinessTime(at('2026-03-29T01:29Z'))).toBe(false);
    // 25 October 2026: 02:30 happens twice, first at 00:30 UTC.
    expect(calendar.nextBusinessStart(at('2026-10-25T00:00Z')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses to search for ever in a calendar that is never open', () => {
    const everyDay = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(5, 10));
    const calendar = new BusinessCalendar({ ...OSLO, closedDays: everyDay });
    expect(() => calendar.nextBusinessStart(at('2026-11-30T10:00Z'))).toThrow(RangeError);
    expect(() => calendar.addBusinessMillis(at('2026-11-30T10:00Z'), HOUR)).toThrow(RangeError);
  });

  it('refuses negative business time', () => {
    expect(() => new BusinessCalendar(OSLO).addBusinessMillis(at('2026-11-30T10:00Z'), -1)).toThrow(RangeError);
  });

  it.each<[string, Partial<BusinessHours>]>([
    ['an unknown zone', { timeZone: 'Europe/Bergen' }],
    ['no working days', { days: [] }],
    ['weekday 0', { days: [0] }],
    ['weekday 8', { days: [1, 8] }],
    ['closing before opening', { opensAtMinute: 16 * 60, closesAtMinute: 8 * 60 }],
    ['closing after midnight', { closesAtMinute: 1441 }],
    ['a closed day in another format', { closedDays: ['24.12'] }],
    ['a closed day in month 13', { closedDays: ['13-01'] }],
  ])('refuses %s', (_, hours) => {
    expect(() => new BusinessCalendar({ ...OSLO, ...hours })).toThrow(RangeError);
  });
});

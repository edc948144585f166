import { easterSunday, type NorwegianHoliday, norwegianPublicHolidays } from './norwegian-holidays';

// Expected dates as published in Norwegian holiday calendars, written out by hand rather than
// derived from the code under test.
describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [1583, '1583-04-10'],
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([1582, 10_000, 2026.5, Number.NaN])('refuses the year %s', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('Norwegian public holidays', () => {
  const dates = (year: number) => norwegianPublicHolidays(year).map((h) => h.date.slice(5));

  it.each([
    [2024, ['01-01', '03-28', '03-29', '03-31', '04-01', '05-01', '05-09', '05-17', '05-19', '05-20', '12-25', '12-26']],
    [2025, ['01-01', '04-17', '04-18', '04-20', '04-21', '05-01', '05-17', '05-29', '06-08', '06-09', '12-25', '12-26']],
    [2026, ['01-01', '04-02', '04-03', '04-05', '04-06', '05-01', '05-14', '05-17', '05-24', '05-25', '12-25', '12-26']],
    [2027, ['01-01', '03-25', '03-26', '03-28', '03-29', '05-01', '05-06', '05-16', '05-17', '05-17', '12-25', '12-26']],
    [2028, ['01-01', '04-13', '04-14', '04-16', '04-17', '05-01', '05-17', '05-25', '06-04', '06-05', '12-25', '12-26']],
    [2029, ['01-01', '03-29', '03-30', '04-01', '04-02', '05-01', '05-10', '05-17', '05-20', '05-21', '12-25', '12-26']],
    [2030, ['01-01', '04-18', '04-19', '04-21', '04-22', '05-01', '05-17', '05-30', '06-09', '06-10', '12-25', '12-26']],
    [2008, ['01-01', '03-20', '03-21', '03-23', '03-24', '05-01', '05-01', '05-11', '05-12', '05-17', '12-25', '12-26']],
  ])('%i', (year, expected) => {
    expect(dates(year)).toEqual(expected);
  });

  it('names each holiday of 2026', () => {
    expect(Object.fromEntries(norwegianPublicHolidays(2026).map((h) => [h.holiday, h.date]))).toEqual<Record<NorwegianHoliday, string>>({
      new_years_day: '2026-01-01',
      maundy_thursday: '2026-04-02',
      good_friday: '2026-04-03',
      easter_sunday: '2026-04-05',
      easter_monday: '2026-04-06',
      labour_day: '2026-05-01',
      constitution_day: '2026-05-17',
      ascension_day: '2026-05-14',
      whit_sunday: '2026-05-24',
      whit_monday: '2026-05-25',
      christmas_day: '2026-12-25',
      boxing_day: '2026-12-26',
    });
  });

  it('lists both holidays when two fall on one day', () => {
    expect(
      norwegianPublicHolidays(2027)
        .filter((h) => h.date === '2027-05-17')
        .map((h) => h.holiday),
    ).toEqual(['constitution_day', 'whit_monday']);
    expect(
      norwegianPublicHolidays(2008)
        .filter((h) => h.date === '2008-05-01')
        .map((h) => h.holiday),
    ).toEqual(['labour_day', 'ascension_day']);
  });

  it('puts the moveable feasts on the right weekdays in every year of a long range', () => {
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
    const expected: Partial<Record<NorwegianHoliday, number>> = {
      maundy_thursday: 4,
      good_friday: 5,
      easter_sunday: 0,
      easter_monday: 1,
      ascension_day: 4,
      whit_sunday: 0,
      whit_monday: 1,
    };
    for (let year = 1900; year <= 2200; year++) {
      for (const { date, holiday } of norwegianPublicHolidays(year)) {
        if (holiday in expected) expect([year, holiday, weekday(date)]).toEqual([year, holiday, expected[holiday]]);
      }
      // Easter Sunday always falls between 22 March and 25 April.
      expect(easterSunday(year) >= `${year}-03-22` && easterSunday(year) <= `${year}-04-25`).toBe(true);
    }
  });
});

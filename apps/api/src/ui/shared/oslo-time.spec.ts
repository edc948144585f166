import { osloDay, osloDayStart, osloLocalInstant } from './oslo-time';

describe('Norwegian days', () => {
  it.each([
    ['2026-02-28T23:00:00Z', '2026-03-01'],
    ['2026-02-28T22:59:59Z', '2026-02-28'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s falls on %s in Norway', (at, day) => expect(osloDay(new Date(at))).toBe(day));

  it.each<[string, number, string | undefined]>([
    ['2026-03-01', 0, '2026-02-28T23:00:00.000Z'],
    ['2026-07-01', 0, '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', 1, '2026-03-29T22:00:00.000Z'],
    ['9999-12-31', 1, '9999-12-31T23:00:00.000Z'],
    ['2026-02-30', 0, undefined],
    ['2026-13-01', 0, undefined],
    ['1. mars 2026', 0, undefined],
    ['', 0, undefined],
  ])('%s (+%d days) starts at %s', (value, later, start) => expect(osloDayStart(value, later)?.toISOString()).toBe(start));

  it('shows the day a date field gave back as the same day', () => {
    for (const day of ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31']) expect(osloDay(osloDayStart(day)!)).toBe(day);
  });
});

describe('Norwegian wall-clock times from a datetime-local field', () => {
  it.each<[string, string | undefined]>([
    ['2026-03-01T10:00', '2026-03-01T09:00:00.000Z'],
    ['2026-07-01T10:00', '2026-07-01T08:00:00.000Z'],
    ['2026-02-30T10:00', undefined],
    ['2026-03-01T24:00', undefined],
    ['2026-03-01T10:60', undefined],
    ['0000-01-01T10:00', undefined],
    ['2026-03-01', undefined],
    ['2026-03-01T10:00Z', undefined],
  ])('%s is %s', (value, at) => expect(osloLocalInstant(value)?.toISOString()).toBe(at));
});

import { mondaysUntil, osloMonday, sharesPerWeek } from './sla-compliance';

describe('SLA compliance per week', () => {
  it.each<[string, string, string]>([
    ['a Wednesday', '2026-11-18T12:00+01:00', '2026-11-16'],
    ['Monday just after midnight in Oslo (Sunday in UTC)', '2026-11-16T00:30+01:00', '2026-11-16'],
    ['Sunday evening in Oslo', '2026-11-22T23:30+01:00', '2026-11-16'],
    ['across a new year', '2027-01-01T10:00+01:00', '2026-12-28'],
    ['in summer time', '2026-06-03T01:00+02:00', '2026-06-01'],
  ])('puts %s in the week of %s', (_, at, monday) => {
    expect(osloMonday(new Date(at))).toBe(monday);
  });

  it('lists the weeks up to the current one, oldest first', () => {
    expect(mondaysUntil(new Date('2026-11-18T12:00+01:00'), 3)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('counts kept and all outcomes per week, leaving out those outside the weeks', () => {
    const weeks = ['2026-11-09', '2026-11-16'];
    const outcome = (at: string, kept: boolean) => ({ at: new Date(at), kept });
    expect(
      sharesPerWeek(
        [
          outcome('2026-11-10T10:00+01:00', true),
          outcome('2026-11-16T10:00+01:00', true),
          outcome('2026-11-17T10:00+01:00', false),
          outcome('2026-11-02T10:00+01:00', false),
        ],
        weeks,
      ),
    ).toEqual([
      { kept: 1, total: 1 },
      { kept: 1, total: 2 },
    ]);
  });
});

import { formatReference, ReferenceKind } from './reference';

describe('formatReference', () => {
  const cases: Array<[ReferenceKind, number, string, string]> = [
    ['incident', 1, '2026-03-01T12:00:00Z', 'KS-2026-0001'],
    ['incident', 42, '2026-12-31T23:59:59Z', 'KS-2026-0042'],
    ['incident', 12345, '2027-01-01T00:00:00Z', 'KS-2027-12345'],
    ['report', 7, '2026-06-15T08:00:00Z', 'M-2026-00007'],
    ['report', 123456, '2026-06-15T08:00:00Z', 'M-2026-123456'],
    ['changeRequest', 7, '2026-06-15T08:00:00Z', 'EN-2026-0007'],
    ['ticket', 12, '2026-06-15T08:00:00Z', 'HV-2026-0012'],
  ];
  it.each(cases)('%s number %d at %s is %s', (kind, n, at, expected) => {
    expect(formatReference(kind, n, new Date(at))).toBe(expected);
  });

  it('takes the year in UTC, not in Oslo time', () => {
    // 00:30 in Oslo on 1 January is still the old year in UTC.
    expect(formatReference('incident', 3, new Date('2026-12-31T23:30:00Z'))).toBe('KS-2026-0003');
  });
});

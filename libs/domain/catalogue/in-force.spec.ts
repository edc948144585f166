import { osloDay, toCatalogueDay } from './catalogue-dates';
import { versionInForce, versionStanding, VersionTiming } from './in-force';

const at = (iso: string) => new Date(iso);
const v = (id: string, effectiveFrom: string, publishedAt: string | null): VersionTiming => ({
  id,
  effectiveFrom,
  status: publishedAt ? 'published' : 'draft',
  publishedAt: publishedAt ? at(publishedAt) : null,
});

describe('versionInForce', () => {
  const jan = v('a-jan', '2026-01-01', '2026-01-02T10:00:00Z');
  const mar = v('b-mar', '2026-03-01', '2026-02-01T10:00:00Z');
  const marLater = v('c-mar-later', '2026-03-01', '2026-02-15T10:00:00Z');
  const draftFeb = v('d-draft', '2026-02-01', null);
  const pastRecorded = v('e-2025', '2025-01-01', '2026-04-01T10:00:00Z');

  it.each<[string, VersionTiming[], string, string | null]>([
    ['nothing published', [draftFeb], '2026-06-01', null],
    ['before the first effective date', [jan, mar], '2025-12-31', null],
    ['on the effective date itself', [jan, mar], '2026-01-01', 'a-jan'],
    ['between versions', [jan, mar], '2026-02-28', 'a-jan'],
    ['a later version takes over on its date', [jan, mar], '2026-03-01', 'b-mar'],
    ['drafts never count', [jan, draftFeb], '2026-02-15', 'a-jan'],
    ['a tie on the date goes to the latest published', [mar, marLater, jan], '2026-03-10', 'c-mar-later'],
    ['a tie regardless of list order', [marLater, mar], '2026-03-10', 'c-mar-later'],
    ['an earlier version recorded afterwards applies to its own period', [jan, pastRecorded], '2025-06-01', 'e-2025'],
    ['… but not after a later effective date', [jan, pastRecorded], '2026-01-05', 'a-jan'],
    ['the future version is not yet in force', [jan, v('f-future', '2099-01-01', '2026-01-03T00:00:00Z')], '2026-06-01', 'a-jan'],
  ])('%s', (_name, versions, day, expected) => {
    expect(versionInForce(versions, day)?.id ?? null).toBe(expected);
  });
});

describe('versionStanding', () => {
  const today = '2026-06-01';
  it.each<[string, VersionTiming, string | null, ReturnType<typeof versionStanding>]>([
    ['a draft', v('x', '2026-01-01', null), 'y', { status: 'draft', inForce: false, scheduled: false }],
    ['the version in force', v('x', '2026-01-01', '2026-01-01T00:00:00Z'), 'x', { status: 'published', inForce: true, scheduled: false }],
    ['a replaced version', v('x', '2026-01-01', '2026-01-01T00:00:00Z'), 'y', { status: 'superseded', inForce: false, scheduled: false }],
    ['a scheduled version', v('x', '2026-07-01', '2026-01-01T00:00:00Z'), 'y', { status: 'published', inForce: false, scheduled: true }],
  ])('%s', (_name, version, inForceId, expected) => {
    expect(versionStanding(version, inForceId, today)).toEqual(expected);
  });
});

describe('catalogue days', () => {
  it.each<[string, unknown, string | null]>([
    ['a plain date', '2026-03-01', '2026-03-01'],
    ['a leap day', '2028-02-29', '2028-02-29'],
    ['an impossible date', '2026-02-30', null],
    ['month 13', '2026-13-01', null],
    ['UTC evening is the next day in Oslo (winter)', '2025-12-31T23:30:00Z', '2026-01-01'],
    ['UTC evening is the next day in Oslo (summer)', '2026-06-30T22:30:00Z', '2026-07-01'],
    ['an explicit offset', '2026-03-01T00:10:00+01:00', '2026-03-01'],
    ['a local date-time without offset', '2026-03-01T23:59', '2026-03-01'],
    ['free text', 'next monday', null],
    ['not a string', 20260301, null],
    ['empty', '', null],
  ])('%s', (_name, input, expected) => {
    expect(toCatalogueDay(input)).toBe(expected);
  });

  it('turns an instant into the Oslo calendar day', () => {
    expect(osloDay(at('2026-01-11T23:00:00Z'))).toBe('2026-01-12');
    expect(osloDay(at('2026-01-11T22:59:59Z'))).toBe('2026-01-11');
  });
});

import { addCounts, contributionOf, distributionOverlap, profileOf, shareOf } from './incident-profile';
import { signalsOf } from './report-signals';

const report = (id: string, consumerId: string, httpStatus: number | null, description: string) =>
  signalsOf({
    id,
    consumerId,
    service: 'inntekt',
    environment: 'production',
    category: 'incident',
    title: 'Inntekt',
    description,
    httpStatus,
    errorCode: null,
    receivedAt: new Date('2026-12-07T08:00:00Z'),
  });

describe('incident profile', () => {
  const a = contributionOf(report('p1', 'K1', 503, 'Alle kall feiler med 503.'));
  const b = contributionOf(report('p2', 'K2', 403, 'Vi får 403 Forbidden. Hvem kan delegere i Altinn?'));

  it('counts what one report contributes', () => {
    expect(a).toMatchObject({ n: 1, 'c:K1': 1, 's:inntekt': 1, 'h:5xx': 1, hs: 1, 'k:outage': 1 });
    expect(b).toMatchObject({ 'h:403': 1, 'x:local': 1 });
  });

  it('adds contributions key by key, in any order', () => {
    expect(addCounts(a, b)).toEqual(addCounts(b, a));
    expect(addCounts(addCounts(a, b), a)).toMatchObject({ n: 3, 'c:K1': 2, 'c:K2': 1, 'h:5xx': 2, 'h:403': 1 });
  });

  it('reads a stored profile', () => {
    const p = profileOf(addCounts(a, b));
    expect(p.reports).toBe(2);
    expect([...p.consumers.keys()].sort()).toEqual(['K1', 'K2']);
    expect(p.statuses.get('5xx')).toBe(1);
    expect(p.local).toBe(1);
  });

  it.each([
    [
      'share of the most common value named',
      new Map([
        ['5xx', 3],
        ['403', 1],
      ]),
      4,
      ['403', '5xx'],
      0.75,
    ],
    ['nothing of it', new Map([['5xx', 3]]), 3, ['429'], 0],
    ['no reports carry any', new Map(), 0, ['5xx'], 0],
  ])('shareOf: %s', (_name, counts, total, values, expected) => expect(shareOf(counts, total, values)).toBeCloseTo(expected, 9));

  it.each([
    [
      'the same mix',
      new Map([
        ['5xx', 2],
        ['403', 2],
      ]),
      4,
      new Map([
        ['5xx', 1],
        ['403', 1],
      ]),
      2,
      1,
    ],
    [
      'half in common',
      new Map([
        ['5xx', 1],
        ['403', 1],
      ]),
      2,
      new Map([['5xx', 2]]),
      2,
      0.5,
    ],
    ['nothing in common', new Map([['5xx', 1]]), 1, new Map([['403', 1]]), 1, 0],
  ])('distributionOverlap: %s', (_name, a1, at, b1, bt, expected) => expect(distributionOverlap(a1, at, b1, bt)).toBeCloseTo(expected, 9));
});

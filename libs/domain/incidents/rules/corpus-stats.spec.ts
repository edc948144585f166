import { CorpusStats } from './corpus-stats';
import { MIN_SERVICE_CORPUS } from './matching.constants';

function corpus(docs: Array<[string, string[]]>): CorpusStats {
  const c = new CorpusStats();
  for (const [service, features] of docs) c.add({ service, features });
  return c;
}

describe('CorpusStats', () => {
  it('weighs a rare feature more than a common one, and an unseen one most', () => {
    const c = corpus([...Array.from({ length: 9 }, (): [string, string[]] => ['a', ['kall', 'feil']]), ['a', ['kall', 'hytte']]]);
    expect(c.idf('hytte')).toBeGreaterThan(c.idf('feil'));
    expect(c.idf('feil')).toBeGreaterThan(c.idf('kall'));
    expect(c.idf('ukjent')).toBeGreaterThan(c.idf('hytte'));
    expect(c.idf('kall')).toBeCloseTo(1, 6);
  });

  it('counts a feature once per report', () => {
    expect(corpus([['a', ['x', 'x', 'x']]]).documentFrequency('x')).toBe(1);
  });

  it('uses a service’s own statistics once it has enough reports, the whole corpus before', () => {
    const small = corpus([
      ...Array.from({ length: MIN_SERVICE_CORPUS - 1 }, (): [string, string[]] => ['eiendom', ['eiendomsskatt']]),
      ...Array.from({ length: 50 }, (): [string, string[]] => ['inntekt', ['lonn']]),
    ]);
    expect(small.idf('eiendomsskatt', 'eiendom')).toBe(small.idf('eiendomsskatt'));
    small.add({ service: 'eiendom', features: ['eiendomsskatt'] });
    // Within its service the service's own name says almost nothing; across services it says much.
    expect(small.idf('eiendomsskatt', 'eiendom')).toBeCloseTo(1, 6);
    expect(small.idf('eiendomsskatt')).toBeGreaterThan(1.5);
  });

  it('starts over from stored documents', () => {
    const c = corpus([['a', ['x']]]);
    c.reset([{ service: 'b', features: ['y'] }]);
    expect(c.size).toBe(1);
    expect(c.documentFrequency('x')).toBe(0);
    expect(c.documentFrequency('y', 'b')).toBe(1);
  });
});

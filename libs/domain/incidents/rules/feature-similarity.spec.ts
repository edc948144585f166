import { incidentToIncident, reportToIncident, reportToReport } from './feature-similarity';
import { type ProfileCounts, profileOf } from './incident-profile';

const uniform = () => 1;
const weights: Record<string, number> = { hytte: 5, bolig: 3, kall: 1, feil: 1 };
const idf = (f: string) => weights[f] ?? 2;

function profile(reports: string[][]): ReturnType<typeof profileOf> {
  const counts: ProfileCounts = { n: reports.length };
  for (const r of reports) for (const f of new Set(r)) counts[`f:${f}`] = (counts[`f:${f}`] ?? 0) + 1;
  return profileOf(counts);
}

describe('reportToIncident', () => {
  it.each([
    ['identical wording', ['hytte', 'bolig'], [['hytte', 'bolig']], 1],
    ['nothing shared', ['kall'], [['hytte', 'bolig']], 0],
    ['empty report', [], [['hytte']], 0],
  ])('%s → %s', (_name, report, incident, expected) => {
    expect(reportToIncident(report, profile(incident), uniform).score).toBeCloseTo(expected, 6);
  });

  it('counts a shared rare word more than a shared common one', () => {
    const incident = profile([
      ['hytte', 'kall', 'x'],
      ['hytte', 'kall', 'y'],
    ]);
    expect(reportToIncident(['hytte', 'z'], incident, idf).score).toBeGreaterThan(reportToIncident(['kall', 'z'], incident, idf).score);
  });

  it('counts wording most of the incident uses more than one report’s aside', () => {
    const incident = profile([
      ['hytte', 'a'],
      ['hytte', 'b'],
      ['hytte', 'c'],
      ['bolig', 'd'],
    ]);
    expect(reportToIncident(['hytte'], incident, uniform).score).toBeGreaterThan(reportToIncident(['bolig'], incident, uniform).score);
  });

  it('adds up the weight of what is shared, so one common word is not "something specific"', () => {
    const incident = profile([
      ['hytte', 'kall'],
      ['hytte', 'kall'],
    ]);
    expect(reportToIncident(['kall'], incident, idf).sharedWeight).toBe(1);
    expect(reportToIncident(['hytte', 'kall'], incident, idf).sharedWeight).toBe(6);
  });

  it('lets a learnt relation stand in for an exact match, at its strength', () => {
    const incident = profile([['cabin'], ['cabin']]);
    const related = (f: string) => (f === 'hytte' ? new Map([['cabin', 0.5]]) : undefined);
    expect(reportToIncident(['hytte'], incident, uniform).score).toBe(0);
    expect(reportToIncident(['hytte'], incident, uniform, related).score).toBeCloseTo(0.5, 6);
  });
});

describe('incidentToIncident and reportToReport', () => {
  it('are symmetric and 1 for the same content', () => {
    const a = profile([['hytte', 'bolig'], ['hytte']]);
    const b = profile([['hytte'], ['bolig', 'kall']]);
    expect(incidentToIncident(a, b, idf).score).toBeCloseTo(incidentToIncident(b, a, idf).score, 9);
    expect(incidentToIncident(a, a, idf).score).toBeCloseTo(1, 6);
    expect(reportToReport(['hytte', 'kall'], ['kall', 'hytte'], idf)).toBeCloseTo(1, 6);
    expect(reportToReport(['hytte'], ['kall'], idf)).toBe(0);
  });
});

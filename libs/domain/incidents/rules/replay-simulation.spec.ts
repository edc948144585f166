import { bcubed, evaluate, parseJsonl, replay, toFacts, type DatasetRow } from './replay-simulation';

const T0 = Date.parse('2026-03-25T06:30:00Z');
let seq = 0;
function row(minutes: number, org: string, title: string, description: string, cluster: string, side: 'ske' | 'local' | 'security', extra: Partial<DatasetRow> = {}): DatasetRow {
  return {
    ref: `s${String(++seq).padStart(4, '0')}`,
    receivedAt: new Date(T0 + minutes * 60_000).toISOString(),
    consumer: { orgNumber: org },
    service: 'summert-skattegrunnlag',
    environment: 'production',
    category: 'incident',
    title,
    description,
    httpStatus: null,
    errorCode: null,
    label: { cluster, side },
    ...extra,
  };
}

describe('bcubed', () => {
  it('is 1 for a perfect grouping', () => {
    const truth = new Map([['a', 'X'], ['b', 'X'], ['c', 'Y']]);
    expect(bcubed(new Map([['a', '1'], ['b', '1'], ['c', '2']]), truth)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('averages per-item precision and recall', () => {
    const truth = new Map([['a', 'X'], ['b', 'X'], ['c', 'Y']]);
    // everything in one predicted cluster: precision a,b = 2/3, c = 1/3; recall all 1
    const r = bcubed(new Map([['a', '1'], ['b', '1'], ['c', '1']]), truth);
    expect(r.precision).toBeCloseTo(5 / 9, 10);
    expect(r.recall).toBeCloseTo(1, 10);
  });

  it('counts foreign items in a predicted cluster against the subset scored', () => {
    const truth = new Map([['a', 'X'], ['b', 'X'], ['c', 'Y']]);
    const r = bcubed(new Map([['a', '1'], ['b', '1'], ['c', '1']]), truth, ['a', 'b']);
    expect(r.precision).toBeCloseTo(2 / 3, 10);
  });
});

describe('replay', () => {
  it('processes reports in receivedAt order, whatever the input order', () => {
    const rows = [
      row(10, '1', 'SSG nede', 'Alle kall feiler med 503.', 'o', 'ske', { httpStatus: 503 }),
      row(0, '2', 'SSG nede', 'Alle kall feiler med 503.', 'o', 'ske', { httpStatus: 503 }),
    ];
    const forward = replay(rows.map(toFacts));
    const backward = replay([...rows].reverse().map(toFacts));
    expect(forward.assignment).toEqual(backward.assignment);
    expect(forward.decisions[0].reportId).toBe(rows[1].ref);
  });

  it('turns a wave of bare, local-looking 403s from many municipalities into one incident', () => {
    const rows = ['1', '2', '3', '4', '5', '6'].map((org, i) =>
      row(i * 7, org, 'Forbidden ved oppslag', 'Vi får 403 Forbidden når vi henter skattegrunnlag.', 'wave', 'ske', { httpStatus: 403, errorCode: 'SSG-008' }),
    );
    const ev = evaluate(rows);
    expect(ev.predictedIncidents).toBe(1);
    expect(ev.result.appliedMerges.length).toBeGreaterThan(0);
  });

  it('keeps two municipalities with the same local mistake apart', () => {
    const rows = [
      row(0, '1', 'Mangler rettighet', 'Vi får 403. Hvem i kommunen kan delegere i Altinn?', 'l1', 'local', { httpStatus: 403, errorCode: 'SSG-008' }),
      row(90, '2', 'Mangler rettighet', 'Vi får 403. Hvem i kommunen kan delegere i Altinn?', 'l2', 'local', { httpStatus: 403, errorCode: 'SSG-008' }),
    ];
    const ev = evaluate(rows);
    expect(ev.predictedIncidents).toBe(2);
    expect(ev.overall.f1).toBe(1);
  });

  it('applies merges only at batch boundaries in batch mode, with the same final result here', () => {
    const rows = ['1', '2', '3', '4'].map((org, i) =>
      row(i * 5, org, 'Forbidden ved oppslag', 'Vi får 403 Forbidden.', 'wave', 'ske', { httpStatus: 403, errorCode: 'SSG-008' }),
    );
    expect(evaluate(rows, { mergeEvery: 100 }).predictedIncidents).toBe(1);
  });
});

describe('parseJsonl', () => {
  it('skips blank lines', () => {
    expect(parseJsonl('{"ref":"r1"}\n\n{"ref":"r2"}\n')).toHaveLength(2);
  });
});

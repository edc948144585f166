/**
 * Grouping quality on both public labelled sets, replayed through the live grouping flow with
 * the live constants (replay.ts), and its robustness: perturbed copies, and reports that arrive
 * in another order within a few seconds. The numbers are the acceptance run's goals.
 */
import fc from 'fast-check';

import { DEFAULT_PERTURBATION, perturbDataset } from './dataset-perturbation';
import { evaluate, type Evaluation } from './grouping-metrics';
import { type DatasetRow, loadDataset, PUBLIC_SETS } from './labelled-dataset';
import { replay } from './replay';

const results = new Map<string, Evaluation>();
const rowsOf = new Map<string, DatasetRow[]>();

beforeAll(async () => {
  for (const file of PUBLIC_SETS) {
    rowsOf.set(file, loadDataset(file));
    results.set(file, await evaluate(rowsOf.get(file)!));
  }
});

describe.each([...PUBLIC_SETS])('grouping of %s', (file) => {
  it('reaches B-cubed F1 ≥ 0.95 with precision ≥ 0.97', () => {
    const ev = results.get(file)!;
    expect(ev.overall.f1).toBeGreaterThanOrEqual(0.95);
    expect(ev.overall.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('never mixes local, Skatteetaten-side and security reports in one incident', () => {
    expect(results.get(file)!.mixedSideIncidents).toBe(0);
  });

  it('holds on a perturbed copy (shifted times, other org numbers, plain titles, dropped codes, typos)', async () => {
    const ev = await evaluate(perturbDataset(rowsOf.get(file)!, DEFAULT_PERTURBATION));
    expect(ev.overall.f1).toBeGreaterThanOrEqual(0.93);
    expect(ev.mixedSideIncidents).toBe(0);
  });
});

it('generalises: the F1 of one public set is within 0.03 of the other', () => {
  const [a, b] = PUBLIC_SETS.map((f) => results.get(f)!.overall.f1);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(0.03);
});

/** The partition of report refs into incidents, independent of incident ids. */
function partition(assignment: ReadonlyMap<string, string>): string[] {
  const groups = new Map<string, string[]>();
  for (const [ref, incident] of assignment) groups.set(incident, [...(groups.get(incident) ?? []), ref]);
  return [...groups.values()].map((g) => g.sort().join(',')).sort();
}

it('property: reports arriving in another order within a few seconds end in the same grouping', async () => {
  // The first outage wave of the second set: dozens of reports within minutes, in several words.
  const rows = rowsOf.get('reports-dev2.jsonl')!.filter((r) => r.receivedAt >= '2026-11-10T08:00' && r.receivedAt < '2026-11-10T12:00');
  expect(rows.length).toBeGreaterThan(40);
  const baseline = partition((await replay(rows)).assignment);
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: rows.length, maxLength: rows.length }),
      async (jitter) => {
        const shaken = rows.map((r, i) => ({ ...r, receivedAt: new Date(Date.parse(r.receivedAt) + jitter[i]).toISOString() }));
        expect(partition((await replay(shaken)).assignment)).toEqual(baseline);
      },
    ),
    { numRuns: 25 },
  );
});

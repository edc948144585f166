/**
 * The matching rules replayed on the labelled development set, as the live system would run
 * them, plus perturbed copies and a hold-out split as guards against fitting this one data set.
 * Diagnostics per cluster: `node scripts/evaluate-matching.mjs [file]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PERTURBATION, perturbDataset, splitByClusterStart } from './dataset-perturbation';
import { evaluate, parseJsonl, type DatasetRow } from './replay-simulation';

const DATASET = path.resolve(__dirname, '../../../../../shared/datasets/reports-dev.jsonl');

function loadDataset(): DatasetRow[] {
  if (!existsSync(DATASET)) {
    throw new Error(`Labelled dataset not found at ${DATASET}; the matching evaluation needs ../shared/datasets/reports-dev.jsonl next to the project`);
  }
  return parseJsonl(readFileSync(DATASET, 'utf8'));
}

describe('deduplication on the development set', () => {
  const rows = loadDataset();

  it('has the labelled reports the README describes', () => {
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.every((r) => r.label?.cluster && r.label.side)).toBe(true);
  });

  describe('replayed report by report, merges after each report', () => {
    const ev = evaluate(rows, { mergeEvery: 1 });

    it('reaches B-cubed F1 ≥ 0.92 overall and for Skatteetaten-side clusters', () => {
      expect(ev.overall.f1).toBeGreaterThanOrEqual(0.92);
      expect(ev.ske.f1).toBeGreaterThanOrEqual(0.92);
    });

    it('keeps a margin for unseen data (F1 ≥ 0.95)', () => {
      expect(ev.overall.f1).toBeGreaterThanOrEqual(0.95);
    });

    it('never mixes local, Skatteetaten-side and security reports in one incident', () => {
      expect(ev.mixedSideIncidents).toBe(0);
    });
  });

  it('gives the same quality when merges run per import batch of 100', () => {
    const ev = evaluate(rows, { mergeEvery: 100 });
    expect(ev.overall.f1).toBeGreaterThanOrEqual(0.92);
    expect(ev.mixedSideIncidents).toBe(0);
  });

  it('is robust to shifted times, other org numbers, plain titles, missing codes, noisy categories and typos', () => {
    const ev = evaluate(perturbDataset(rows, { ...DEFAULT_PERTURBATION, truncateRate: 0 }));
    expect(ev.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(ev.mixedSideIncidents).toBe(0);
  });

  it.each([1, 2, 3])('stays ≥ 0.9 with terse (truncated) reports as well, seed %i', (seed) => {
    // Truncation can delete the only sentence naming a local cause; such a report is then
    // indistinguishable from the provider-side wave, so only F1 is asserted here.
    const ev = evaluate(perturbDataset(rows, { ...DEFAULT_PERTURBATION, seed, truncateRate: 0.2 }));
    expect(ev.overall.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('holds on both time-separated halves of the clusters (hold-out check)', () => {
    const { early, late } = splitByClusterStart(rows, '2026-02-20');
    expect(early.length).toBeGreaterThan(100);
    expect(late.length).toBeGreaterThan(100);
    for (const part of [early, late]) {
      const ev = evaluate(part);
      expect(ev.overall.f1).toBeGreaterThanOrEqual(0.92);
      expect(ev.mixedSideIncidents).toBe(0);
    }
  });
});

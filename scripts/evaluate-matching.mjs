#!/usr/bin/env node
// Offline evaluation of the deduplication rules on a labelled JSONL dataset.
//
//   node scripts/evaluate-matching.mjs [dataset.jsonl] [--batch=100] [--quiet]
//
// Replays the reports in receivedAt order exactly as the live system would (see
// libs/domain/incidents/rules/replay-simulation.ts) and prints B-cubed precision/recall/F1,
// the number of incidents mixing sides, and per-cluster diagnostics of the errors.
// TypeScript is compiled on the fly with @swc/core (no build step, no extra dependency).
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Minimal require hook: strip types, emit CommonJS. Decorators are not used by the rules.
Module._extensions['.ts'] = function compileTs(module, filename) {
  const source = readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: false,
  });
  module._compile(code, filename);
};

const args = process.argv.slice(2);
const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '../shared/datasets/reports-dev.jsonl'));
const batch = Number((args.find((a) => a.startsWith('--batch=')) ?? '--batch=1').split('=')[1]);
const quiet = args.includes('--quiet');

if (!existsSync(file)) {
  console.error(`Dataset not found: ${file}`);
  process.exit(2);
}

const sim = require(path.join(root, 'libs/domain/incidents/rules/replay-simulation.ts'));
const rows = sim.parseJsonl(readFileSync(file, 'utf8'));
const started = process.hrtime.bigint();
const ev = sim.evaluate(rows, { mergeEvery: batch });
const ms = Number(process.hrtime.bigint() - started) / 1e6;

const fmt = (b) => `P=${b.precision.toFixed(4)} R=${b.recall.toFixed(4)} F1=${b.f1.toFixed(4)} (n=${b.items})`;
console.log(`dataset: ${file}`);
console.log(`reports: ${rows.length}, true clusters: ${ev.trueClusters}, predicted incidents: ${ev.predictedIncidents}, merge every ${batch} report(s), ${ms.toFixed(0)} ms`);
console.log(`B-cubed overall: ${fmt(ev.overall)}`);
console.log(`B-cubed ske:     ${fmt(ev.ske)}`);
console.log(`incidents mixing sides: ${ev.mixedSideIncidents}`);
console.log(`merges applied: ${ev.result.appliedMerges.length}, proposed to staff: ${ev.result.proposedMerges.length}`);
const conf = {};
for (const d of ev.result.decisions) conf[d.decision.confidence] = (conf[d.decision.confidence] ?? 0) + 1;
console.log(`decisions: ${JSON.stringify(conf)}`);

// Robustness: the same rules on a perturbed copy, and on two time-separated halves.
const pert = require(path.join(root, 'libs/domain/incidents/rules/dataset-perturbation.ts'));
const pev = sim.evaluate(pert.perturbDataset(rows), { mergeEvery: batch });
console.log(`perturbed:       ${fmt(pev.overall)}  ske F1=${pev.ske.f1.toFixed(4)}  mixing sides: ${pev.mixedSideIncidents}`);
const splitDate = (args.find((a) => a.startsWith('--split=')) ?? '--split=2026-02-20').split('=')[1];
const { early, late } = pert.splitByClusterStart(rows, splitDate);
for (const [name, part] of [[`clusters before ${splitDate}`, early], [`clusters from ${splitDate}`, late]]) {
  if (part.length === 0) continue;
  const e = sim.evaluate(part, { mergeEvery: batch });
  console.log(`${name}: ${fmt(e.overall)}  ske F1=${e.ske.f1.toFixed(4)}  mixing sides: ${e.mixedSideIncidents}`);
}
if (!quiet) {
  console.log('\n--- diagnostics ---');
  for (const line of ev.diagnostics) console.log(line);
  if (args.includes('--perturbed')) {
    console.log('\n--- diagnostics (perturbed) ---');
    for (const line of pev.diagnostics) console.log(line);
  }
}

/**
 * Prints grouping quality on each public labelled set, and the generalisation gap.
 *   npm run eval:matching [-- --diagnose] [-- --perturbed] [-- file.jsonl …]
 */
import { DEFAULT_PERTURBATION, perturbDataset } from './dataset-perturbation';
import { diagnose, evaluate, type Evaluation } from './grouping-metrics';
import { loadDataset, PUBLIC_SETS } from './labelled-dataset';

const fmt = (b: { precision: number; recall: number; f1: number }) =>
  `F1 ${b.f1.toFixed(3)} (P ${b.precision.toFixed(3)}, R ${b.recall.toFixed(3)})`;

function line(name: string, ev: Evaluation): string {
  return (
    `${name}: ${fmt(ev.overall)}; SKE-side ${fmt(ev.ske)}; incidents ${ev.predictedIncidents} for ${ev.trueClusters} problems; ` +
    `mixed ${ev.mixedSideIncidents}; threads ${ev.serviceThreads} for ${ev.trueSkeProblems} SKE problems (${ev.threadsPerTrueProblem.toFixed(2)}/problem), ` +
    `security threads ${ev.securityThreads}; merges ${ev.mergesApplied} applied, ${ev.mergesProposed} proposed`
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  const sets = files.length ? files : [...PUBLIC_SETS];
  const results = new Map<string, Evaluation>();
  for (const file of sets) {
    const rows = loadDataset(file);
    const ev = await evaluate(rows);
    results.set(file, ev);
    console.log(line(file, ev));
    if (args.includes('--perturbed')) console.log(line(`${file} (perturbed)`, await evaluate(perturbDataset(rows, DEFAULT_PERTURBATION))));
    if (args.includes('--diagnose')) for (const l of diagnose(rows, ev)) console.log(l);
  }
  if (results.size === 2) {
    const [a, b] = [...results.values()].map((e) => e.overall.f1);
    console.log(`generalisation gap (F1 of one set minus the other): ${(a - b).toFixed(3)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * How good a grouping is against the labels: B-cubed precision, recall and F1 (as the
 * acceptance run computes them), incidents mixing local, Skatteetaten-side and security
 * reports, and escalation threads per true Skatteetaten-side problem. Plus a readable list of
 * the clusters that were split or mixed, with the decision reasons, for whoever tunes.
 */
import type { DatasetRow } from './labelled-dataset';
import { replay, type ReplayResult } from './replay';

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

function groupBy(m: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, c] of m) {
    const s = out.get(c) ?? new Set<string>();
    s.add(id);
    out.set(c, s);
  }
  return out;
}

/**
 * B-cubed over `items` (default: all labelled ids). Clusters are taken over *all* ids, so
 * foreign reports wrongly merged into a cluster still cost precision.
 */
export function bcubed(pred: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>, items?: Iterable<string>): BCubed {
  const predMembers = groupBy(pred);
  const trueMembers = groupBy(truth);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const id of items ?? truth.keys()) {
    const pc = predMembers.get(pred.get(id)!) ?? new Set([id]);
    const tc = trueMembers.get(truth.get(id)!)!;
    let both = 0;
    for (const x of pc) if (tc.has(x)) both++;
    p += both / pc.size;
    r += both / tc.size;
    n++;
  }
  const precision = n ? p / n : 0;
  const recall = n ? r / n : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, items: n };
}

export interface Evaluation {
  overall: BCubed;
  ske: BCubed;
  mixedSideIncidents: number;
  predictedIncidents: number;
  trueClusters: number;
  trueSkeProblems: number;
  serviceThreads: number;
  securityThreads: number;
  threadsPerTrueProblem: number;
  mergesApplied: number;
  mergesProposed: number;
  result: ReplayResult;
}

export async function evaluate(rows: readonly DatasetRow[]): Promise<Evaluation> {
  const labelled = rows.filter((r) => r.label);
  const result = await replay(labelled);
  const truth = new Map(labelled.map((r) => [r.ref, r.label!.cluster]));
  const side = new Map(labelled.map((r) => [r.ref, r.label!.side]));
  const overall = bcubed(result.assignment, truth);
  const ske = bcubed(
    result.assignment,
    truth,
    labelled.filter((r) => r.label!.side === 'ske').map((r) => r.ref),
  );
  const predGroups = groupBy(result.assignment);
  let mixed = 0;
  for (const members of predGroups.values()) if (new Set([...members].map((id) => side.get(id))).size > 1) mixed++;
  const trueSkeProblems = new Set(labelled.filter((r) => r.label!.side === 'ske').map((r) => r.label!.cluster)).size;
  const securityThreads = [...result.escalated.values()].filter((e) => e.security).length;
  const serviceThreads = result.escalated.size - securityThreads;
  return {
    overall,
    ske,
    mixedSideIncidents: mixed,
    predictedIncidents: predGroups.size,
    trueClusters: new Set(truth.values()).size,
    trueSkeProblems,
    serviceThreads,
    securityThreads,
    threadsPerTrueProblem: serviceThreads / Math.max(1, trueSkeProblems),
    mergesApplied: result.store.merges.length,
    mergesProposed: result.store.proposals.size,
    result,
  };
}

/** Split clusters and mixed incidents, with the reasons of each decision. */
export function diagnose(rows: readonly DatasetRow[], ev: Evaluation): string[] {
  const result = ev.result;
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  const truth = new Map(rows.filter((r) => r.label).map((r) => [r.ref, r.label!.cluster]));
  const lines: string[] = [];
  const describe = (ref: string): string => {
    const r = byRef.get(ref)!;
    const d = result.decisions.get(ref);
    const how = d
      ? `${d.action}${d.incidentId ? ' ' + d.incidentId : ''} ${d.score.toFixed(2)} [${d.reasons.join('; ')}]${d.runnerUp && d.action === 'open' ? ` runner-up ${d.runnerUp.incidentId} [${d.runnerUp.reasons.join('; ')}]` : ''}`
      : '';
    return `    ${ref} ${r.receivedAt.slice(5, 16)} ${r.consumer.name ?? r.consumer.orgNumber} ${r.service}/${r.environment} ${r.httpStatus ?? '-'} ${r.errorCode ?? '-'} | ${r.title} | ${r.description.slice(0, 120)} | ${how}`;
  };
  for (const [cluster, members] of groupBy(truth)) {
    const parts = groupBy(new Map([...members].map((id) => [id, result.assignment.get(id)!])));
    if (parts.size <= 1) continue;
    const sizes = [...parts.entries()].sort((a, b) => b[1].size - a[1].size);
    lines.push(`SPLIT ${cluster} (${members.size}) → ${sizes.map(([inc, s]) => `${inc}:${s.size}`).join(' ')}`);
    for (const [, s] of sizes.slice(1)) for (const ref of s) lines.push(describe(ref));
  }
  for (const [inc, members] of groupBy(result.assignment)) {
    const clusters = groupBy(new Map([...members].map((id) => [id, truth.get(id)!])));
    if (clusters.size <= 1) continue;
    const sizes = [...clusters.entries()].sort((a, b) => b[1].size - a[1].size);
    lines.push(`MIXED ${inc} (${members.size}) ← ${sizes.map(([c, s]) => `${c}:${s.size}`).join(' ')}`);
    for (const [, s] of sizes.slice(1)) for (const ref of s) lines.push(describe(ref));
  }
  for (const p of result.store.merges) lines.push(`merge ${p.mergedId} → ${p.survivorId} ${p.score} [${p.reasons.slice(0, 4).join('; ')}]`);
  return lines;
}

export { replay };

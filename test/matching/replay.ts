/**
 * Offline replay of report intake through the live grouping flow (grouping-flow.ts) with the
 * live constants, over an in-memory store with the database store's semantics: reports in
 * receivedAt order, in import batches of 100 as the import API and the acceptance run send
 * them, corpus statistics growing report by report, re-clustering after uncertain placements
 * and, around the incidents the batch touched, at the end of every batch. KS's escalations are replayed as the acceptance run does them
 * (after each batch, every incident holding a Skatteetaten-side or security report), with the
 * settle period holding each first message until the grouping has settled.
 */
import { needsRecluster, recluster } from '@domain/incidents/grouping-flow';
import { CorpusStats } from '@domain/incidents/rules/corpus-stats';
import { type MatchDecision, matchReport } from '@domain/incidents/rules/match-report';
import { signalsOf } from '@domain/incidents/rules/report-signals';

import { type DatasetRow, toFacts } from './labelled-dataset';
import { MemoryGroupingStore } from './memory-grouping-store';

export const IMPORT_BATCH = 100;

export interface ReplayResult {
  /** report ref → final incident id */
  assignment: Map<string, string>;
  decisions: Map<string, MatchDecision>;
  store: MemoryGroupingStore;
  /** incidents KS escalated (as the acceptance run does), by their final id, with the security flag */
  escalated: Map<string, { security: boolean }>;
}

export async function replay(rows: readonly DatasetRow[], batchSize = IMPORT_BATCH): Promise<ReplayResult> {
  const ordered = [...rows].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.ref.localeCompare(b.ref));
  const store = new MemoryGroupingStore();
  const corpus = new CorpusStats();
  const decisions = new Map<string, MatchDecision>();
  const escalatedIds = new Map<string, { security: boolean }>();

  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize);
    const touched = new Set<string>();
    for (const row of batch) {
      const report = toFacts(row);
      const candidates = await store.candidates(report.environment, report.receivedAt, { consumerId: report.consumerId });
      const decision = matchReport(report, candidates, { corpus });
      decisions.set(row.ref, decision);
      const incidentId =
        decision.action === 'attach' && decision.incidentId
          ? (store.attach(decision.incidentId, report), decision.incidentId)
          : store.open(report);
      touched.add(incidentId);
      if (needsRecluster(decision)) await recluster(store, corpus, report.environment, report.receivedAt, [incidentId]);
      corpus.add({ service: report.service, features: signalsOf(report).features });
    }
    const at = new Date(batch[batch.length - 1].receivedAt);
    // Evidence grew where the batch's reports landed: those incidents are examined again.
    const focus = [...new Set([...touched].map((id) => store.survivorOf(id)))];
    for (const env of ['production', 'test'] as const) await recluster(store, corpus, env, at, focus);
    for (const row of batch) {
      if (row.label?.side === 'local') continue;
      const id = store.incidentOf(row.ref);
      const security = row.category === 'security' || row.category === 'privacy';
      const seen = escalatedIds.get(id);
      if (seen) seen.security ||= security;
      else escalatedIds.set(id, { security });
    }
  }

  // The settle period: first messages go out once the grouping has settled, one per incident.
  const escalated = new Map<string, { security: boolean }>();
  for (const [id, e] of escalatedIds) {
    const final = store.survivorOf(id);
    const seen = escalated.get(final);
    if (seen) seen.security ||= e.security;
    else escalated.set(final, { ...e });
  }
  return { assignment: store.assignment(), decisions, store, escalated };
}

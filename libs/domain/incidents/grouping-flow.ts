/**
 * The order of grouping steps, shared by live intake (over the database) and the offline
 * evaluation (over memory), so what is measured is the code that runs: read the candidates the
 * way the store defines them, decide with matchReport (rules/match-report.ts), and after a
 * placement that was not certain re-examine the incidents around it and apply the confident
 * merges.
 * The store is the only I/O; everything else is the pure rules.
 */
import type { CorpusStats } from './rules/corpus-stats';
import type { IncidentState, MatchDecision, ReportFacts } from './rules/match-report';
import { RECLUSTER_LOOKBACK_MS } from './rules/matching.constants';
import { findMerges, type MergeProposal } from './rules/recluster';

export interface CandidateQuery {
  /** whose earlier titles in each incident to include (the reporting consumer) */
  consumerId?: string;
  /** incidents to include whatever their activity */
  alsoInclude?: readonly string[];
  /** how far back from `at` an incident's last report may lie (default CANDIDATE_LOOKBACK_MS) */
  lookbackMs?: number;
  /**
   * whether the reader's transaction may hold reports of its own, which the incidents' kept counts
   * do not include yet (default: whether it runs in a transaction; an import does)
   */
  holdsOwnReports?: boolean;
}

export interface GroupingStore {
  /**
   * Open incidents of one environment that were opened at or before `at` and active within the
   * lookback, the MAX_CANDIDATES most recently active, each with its wave count at `at` and (for
   * `consumerId`) that consumer's earlier titles in it.
   */
  candidates(environment: ReportFacts['environment'], at: Date, query?: CandidateQuery): Promise<IncidentState[]>;
  /** Pairs staff have kept apart ("a|b" and "b|a"). */
  rejectedPairs(ids: readonly string[]): Promise<ReadonlySet<string>>;
  /** Applies a certain merge; returns the surviving incident's id, or null when it no longer applies. */
  merge(proposal: MergeProposal): Promise<string | null>;
  /** Records a merge for staff to decide. */
  propose(proposal: MergeProposal): Promise<void>;
}

/** A certain attachment to an incident needs no second look; anything else may change the picture. */
export function needsRecluster(decision: MatchDecision): boolean {
  return decision.action === 'open' || decision.confidence !== 'certain';
}

export interface ReclusterResult {
  merged: MergeProposal[];
  proposed: MergeProposal[];
  /** where each incident involved ended up (merged id → survivor id) */
  survivors: Map<string, string>;
}

const MAX_ROUNDS = 10;

/**
 * Re-examines open incidents of one environment at `at` and applies confident merges until none
 * is left (a merge can make another one confident). With `focus`, only pairs involving those
 * incidents (and the survivors of merges made on the way) are examined.
 */
export async function recluster(
  store: GroupingStore,
  corpus: CorpusStats,
  environment: ReportFacts['environment'],
  at: Date,
  focus: readonly string[] | null,
): Promise<ReclusterResult> {
  const result: ReclusterResult = { merged: [], proposed: [], survivors: new Map() };
  const watch = focus ? new Set(focus) : null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Two incidents may be one problem when one's last report lies within the lookback of the
    // other's opening, so re-clustering looks twice as far back as intake does.
    const incidents = await store.candidates(environment, at, { alsoInclude: watch ? [...watch] : [], lookbackMs: RECLUSTER_LOOKBACK_MS });
    const rejected = await store.rejectedPairs(incidents.map((i) => i.id));
    const proposals = findMerges(incidents, corpus, watch ?? undefined, rejected);
    const certain = proposals.filter((p) => p.certain);
    for (const p of proposals)
      if (!p.certain) {
        await store.propose(p);
        result.proposed.push(p);
      }
    if (certain.length === 0) break;
    for (const p of certain) {
      const survivor = await store.merge(p);
      if (!survivor) continue;
      result.merged.push(p);
      const merged = survivor === p.survivorId ? p.mergedId : p.survivorId;
      result.survivors.set(merged, survivor);
      for (const [from, to] of result.survivors) if (to === merged) result.survivors.set(from, survivor);
      watch?.add(survivor);
    }
  }
  return result;
}

import type { Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { CandidateQuery, GroupingStore } from './grouping-flow';
import { IncidentRepository } from './incident.repository';
import { IncidentMerger } from './incident-merger';
import { MergeProposalRepository } from './merge-proposal.repository';
import type { MergeProposal } from './rules/recluster';

/**
 * The grouping flow's store over the database (the evaluation uses one in memory with the same
 * semantics). Must run inside the caller's transaction.
 */
@Injectable()
export class IncidentGroupingStore implements GroupingStore {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly mergeProposals: MergeProposalRepository,
    private readonly merger: IncidentMerger,
  ) {}

  candidates(environment: Environment, at: Date, query?: CandidateQuery) {
    return this.incidents.candidates(environment, at, query);
  }

  rejectedPairs(ids: readonly string[]): Promise<ReadonlySet<string>> {
    return this.mergeProposals.rejectedPairs([...ids]);
  }

  async merge(p: MergeProposal): Promise<string | null> {
    // Locked, so an answer or a join being added to either waits for the merge, or the merge for it.
    const [a, b] = await this.incidents.lockSurvivors(p.survivorId, p.mergedId);
    if (!a || !b || a.id !== p.survivorId || b.id !== p.mergedId) return null;
    const [survivor, merged] = await this.merger.chooseSurvivor(a, b);
    return (await this.merger.merge(survivor, merged, 'automatisk', p.reasons, 'auto')).id;
  }

  async propose(p: MergeProposal): Promise<void> {
    await this.mergeProposals.upsert({
      survivorId: p.survivorId,
      mergedId: p.mergedId,
      score: p.score,
      reasons: p.reasons,
      status: 'proposed',
    });
  }
}

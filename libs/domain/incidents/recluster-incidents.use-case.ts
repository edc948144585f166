import type { Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { recluster, type ReclusterResult } from './grouping-flow';
import { IncidentGroupingStore } from './incident-grouping-store';
import { MatchingCorpus } from './matching-corpus';
import { regroupingLock } from './regrouping-lock';

/**
 * Re-examines the open incidents of one environment as they stand at `at` and merges the
 * confident duplicates (proposing the likely ones to staff): at the end of an import batch, every
 * few seconds from the worker, and before an escalation's first message goes out. Serialised
 * with intake's decision to open, so a merge and a new incident never cross.
 */
@Injectable()
export class ReclusterIncidents {
  constructor(
    private readonly db: DatabaseContext,
    private readonly store: IncidentGroupingStore,
    private readonly corpus: MatchingCorpus,
  ) {}

  async execute(environment: Environment, at: Date, focus: readonly string[] | null = null): Promise<ReclusterResult> {
    const { corpus } = await this.corpus.context();
    return this.db.transaction(async () => {
      await this.db.advisoryXactLock(regroupingLock(environment));
      return recluster(this.store, corpus, environment, at, focus);
    });
  }
}

import { IncidentQueries } from '@domain/incidents';
import { Injectable } from '@nestjs/common';

import type { LiveList } from '../shared/live-list';

/** The incident queue (and the overview's counts) stay current on open pages. */
@Injectable()
export class IncidentQueueLive implements LiveList {
  readonly event = 'incidents';

  constructor(private readonly queries: IncidentQueries) {}

  version(): Promise<string> {
    return this.queries.queueVersion();
  }
}

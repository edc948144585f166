import { TicketQueries } from '@domain/support';
import { Injectable } from '@nestjs/common';

import type { LiveList } from '../shared/live-list';

/** The ticket list stays current on open pages. */
@Injectable()
export class TicketListLive implements LiveList {
  readonly event = 'tickets';

  constructor(private readonly tickets: TicketQueries) {}

  version(): Promise<string> {
    return this.tickets.listVersion();
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { TicketRepository } from './ticket.repository';
import { TicketSlaKeeper } from './ticket-sla-keeper';

/**
 * Recomputes the kept SLA schedule of every ticket whose clocks may still move, each in its own
 * transaction with the ticket locked: at the worker's start, so changed targets, hours or closed
 * days apply to tickets already open.
 */
@Injectable()
export class RecomputeTicketSla {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly sla: TicketSlaKeeper,
  ) {}

  async execute(now = new Date()): Promise<number> {
    const ids = await this.repo.idsOfLiveUnresolved();
    for (const id of ids)
      await this.db.transaction(async () => {
        if (await this.repo.lock(id)) await this.sla.refresh(id, now);
      });
    return ids.length;
  }
}

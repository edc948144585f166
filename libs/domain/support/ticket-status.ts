import { Injectable } from '@nestjs/common';

import type { TicketStatus } from './rules/ticket-rules';
import type { Ticket } from './ticket.entity';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';

/**
 * Moves a ticket to a status with its timestamps and a timeline event holding both ends, in the
 * caller's transaction: the one place a status changes, so the history SLA reads is complete.
 */
@Injectable()
export class TicketStatusWriter {
  constructor(
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
  ) {}

  async move(ticket: Pick<Ticket, 'id' | 'status'>, to: TicketStatus, actorLabel: string, at = new Date()): Promise<boolean> {
    if (ticket.status === to) return false;
    await this.repo.update(ticket.id, {
      status: to,
      ...(to === 'resolved' ? { resolvedAt: at } : to !== 'closed' ? { resolvedAt: null } : {}),
    });
    await this.events.record(ticket.id, 'status_changed', actorLabel, { from: ticket.status, to });
    return true;
  }
}

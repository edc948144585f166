import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { TICKET_PRIORITIES, type TicketPriority } from './rules/ticket-rules';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { TicketSlaKeeper } from './ticket-sla-keeper';

/** Staff set how urgent a ticket is (what SLA targets are chosen by: its clocks are recomputed from opening). */
@Injectable()
export class SetTicketPriority {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly audit: RecordAudit,
    private readonly sla: TicketSlaKeeper,
  ) {}

  async execute(id: string, priority: TicketPriority, actor: Actor): Promise<boolean> {
    if (!(TICKET_PRIORITIES as readonly string[]).includes(priority))
      throw new ValidationFailed([{ field: 'priority', message: `must be one of ${TICKET_PRIORITIES.join(', ')}` }]);
    return this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(id);
      if (ticket.priority === priority) return false;
      await this.repo.update(ticket.id, { priority });
      await this.sla.refresh(ticket.id);
      await this.events.record(ticket.id, 'priority_set', actor.label, { from: ticket.priority, to: priority });
      await this.audit.execute({
        actor,
        action: 'ticket.priority_set',
        objectType: 'ticket',
        objectId: ticket.id,
        before: { priority: ticket.priority },
        after: { priority },
      });
      return true;
    });
  }
}

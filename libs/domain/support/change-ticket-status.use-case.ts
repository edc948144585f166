import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { canSetStatus, TICKET_STATUSES, type TicketStatus } from './rules/ticket-rules';
import { TicketStatusRefused } from './support.exceptions';
import { TicketRepository } from './ticket.repository';
import { TicketSlaKeeper } from './ticket-sla-keeper';
import { TicketStatusWriter } from './ticket-status';

/** Staff set a ticket's status (never back to new); the timeline keeps from and to. */
@Injectable()
export class ChangeTicketStatus {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly status: TicketStatusWriter,
    private readonly audit: RecordAudit,
    private readonly sla: TicketSlaKeeper,
  ) {}

  async execute(id: string, to: TicketStatus, actor: Actor): Promise<boolean> {
    if (!(TICKET_STATUSES as readonly string[]).includes(to))
      throw new ValidationFailed([{ field: 'status', message: `must be one of ${TICKET_STATUSES.join(', ')}` }]);
    return this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(id);
      if (!canSetStatus(ticket.status, to)) throw new TicketStatusRefused(ticket.status, to);
      if (!(await this.status.move(ticket, to, actor.label))) return false;
      await this.sla.refresh(ticket.id);
      await this.audit.execute({
        actor,
        action: 'ticket.status_changed',
        objectType: 'ticket',
        objectId: ticket.id,
        before: { status: ticket.status },
        after: { status: to },
      });
      return true;
    });
  }
}

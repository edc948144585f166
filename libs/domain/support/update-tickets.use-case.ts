import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { AssignTicket } from './assign-ticket.use-case';
import { ChangeTicketStatus } from './change-ticket-status.use-case';
import type { TicketPriority, TicketStatus } from './rules/ticket-rules';
import { SetTicketPriority } from './set-ticket-priority.use-case';
import { SetTicketTags } from './set-ticket-tags.use-case';

export interface TicketChanges {
  status?: TicketStatus;
  /** null takes the ticket from everyone. */
  assigneeId?: string | null;
  /** The assignment group; null takes the ticket out of its group. */
  groupId?: string | null;
  priority?: TicketPriority;
  tags?: string[];
}

/**
 * Several changes to one ticket or to each of several selected tickets, all in one transaction:
 * either every ticket gets every change or none does.
 */
@Injectable()
export class UpdateTickets {
  constructor(
    private readonly db: DatabaseContext,
    private readonly statuses: ChangeTicketStatus,
    private readonly assigner: AssignTicket,
    private readonly priorities: SetTicketPriority,
    private readonly tagger: SetTicketTags,
  ) {}

  async execute(ids: string[], changes: TicketChanges, actor: Actor): Promise<number> {
    if (!ids.length) throw new ValidationFailed([{ field: 'ids', message: 'must name at least one ticket' }]);
    return this.db.transaction(async () => {
      let changed = 0;
      for (const id of [...new Set(ids)].sort()) {
        const done = [
          changes.status !== undefined && (await this.statuses.execute(id, changes.status, actor)),
          (changes.assigneeId !== undefined || changes.groupId !== undefined) &&
            (await this.assigner.execute(id, { assigneeId: changes.assigneeId, groupId: changes.groupId }, actor)),
          changes.priority !== undefined && (await this.priorities.execute(id, changes.priority, actor)),
          changes.tags !== undefined && (await this.tagger.execute(id, changes.tags, actor)),
        ];
        if (done.some(Boolean)) changed++;
      }
      return changed;
    });
  }
}

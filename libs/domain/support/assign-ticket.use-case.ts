import { RecordAudit } from '@domain/audit';
import { ListStaffUsers } from '@domain/identity';
import { NotifyStaff } from '@domain/notifications';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { UnknownAssignee } from './support.exceptions';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';

/** Staff give a ticket to an active staff member (notified in the app), or take it from everyone (null). */
@Injectable()
export class AssignTicket {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly staff: ListStaffUsers,
    private readonly audit: RecordAudit,
    private readonly notify: NotifyStaff,
  ) {}

  async execute(id: string, assigneeId: string | null, actor: Actor): Promise<boolean> {
    const assignee = assigneeId ? (await this.staff.execute()).find((s) => s.id === assigneeId && s.active) : null;
    if (assigneeId && !assignee) throw new UnknownAssignee();
    return this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(id);
      if (ticket.assigneeId === (assignee?.id ?? null)) return false;
      const name = assignee ? assignee.name || assignee.email : null;
      await this.repo.update(ticket.id, { assigneeId: assignee?.id ?? null, assigneeName: name });
      await this.events.record(ticket.id, 'assigned', actor.label, { from: ticket.assigneeName, to: name });
      await this.audit.execute({
        actor,
        action: 'ticket.assigned',
        objectType: 'ticket',
        objectId: ticket.id,
        before: { assignee: ticket.assigneeId },
        after: { assignee: assignee?.id ?? null },
      });
      // The new assignee hears of it in the app, unless they took it themselves.
      if (assignee && !(actor.kind === 'staff' && actor.id === assignee.id))
        await this.notify.execute(
          { staffIds: [assignee.id] },
          { kind: 'ticket.assigned', reference: ticket.reference, title: ticket.subject, link: `/tickets/${ticket.id}` },
        );
      return true;
    });
  }
}

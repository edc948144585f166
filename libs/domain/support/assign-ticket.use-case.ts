import { RecordAudit } from '@domain/audit';
import { type AssignmentChange, StaffGroups } from '@domain/identity';
import { NotifyStaff } from '@domain/notifications';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';

/**
 * Staff give a ticket to a group and/or an active staff member, or take it from them (null). With
 * a group, the assignee must be one of its members; a new group drops an assignee who is not.
 * The new assignee and a new group's members hear of it in the app (not whoever did it).
 */
@Injectable()
export class AssignTicket {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly groups: StaffGroups,
    private readonly audit: RecordAudit,
    private readonly notify: NotifyStaff,
  ) {}

  async execute(id: string, change: AssignmentChange, actor: Actor): Promise<boolean> {
    return this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(id);
      const next = await this.groups.resolve({ groupId: ticket.groupId, assigneeId: ticket.assigneeId }, change);
      if (!next.groupChanged && !next.assigneeChanged) return false;
      const assigneeName = next.assignee?.name ?? null;
      await this.repo.update(ticket.id, { groupId: next.group?.id ?? null, assigneeId: next.assignee?.id ?? null, assigneeName });
      const link = { reference: ticket.reference, title: ticket.subject, link: `/tickets/${ticket.id}` };
      const others = (ids: string[]) => ids.filter((s) => !(actor.kind === 'staff' && actor.id === s));
      if (next.groupChanged) {
        const from = ticket.groupId ? ((await this.groups.names([ticket.groupId])).get(ticket.groupId) ?? null) : null;
        await this.events.record(ticket.id, 'group_set', actor.label, { from, to: next.group?.name ?? null });
        await this.audit.execute({
          actor,
          action: 'ticket.group_set',
          objectType: 'ticket',
          objectId: ticket.id,
          before: { group: ticket.groupId },
          after: { group: next.group?.id ?? null },
        });
        if (next.group) {
          const members = (await this.groups.activeMembers(next.group.id)).map((m) => m.id);
          await this.notify.execute({ staffIds: others(members) }, { kind: 'ticket.group_assigned', ...link });
        }
      }
      if (next.assigneeChanged) {
        await this.events.record(ticket.id, 'assigned', actor.label, { from: ticket.assigneeName, to: assigneeName });
        await this.audit.execute({
          actor,
          action: 'ticket.assigned',
          objectType: 'ticket',
          objectId: ticket.id,
          before: { assignee: ticket.assigneeId },
          after: { assignee: next.assignee?.id ?? null, ...(next.assigneeCleared ? { reason: 'not_in_group' } : {}) },
        });
        if (next.assignee) await this.notify.execute({ staffIds: others([next.assignee.id]) }, { kind: 'ticket.assigned', ...link });
      }
      return true;
    });
  }
}

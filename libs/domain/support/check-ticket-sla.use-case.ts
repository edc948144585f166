import { RecordAudit } from '@domain/audit';
import { ListStaffUsers, StaffGroups } from '@domain/identity';
import { SYSTEM_ACTOR } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { TICKET_SLA_WARNING_MAIL } from './mail/ticket-sla-warning.mail';
import { slaActions, slaCounting, type SlaTargetName } from './rules/ticket-sla';
import type { Ticket } from './ticket.entity';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { TicketSlaKeeper } from './ticket-sla-keeper';

const BATCH = 50;
/** Who hears of the clock of a ticket with neither assignee nor group (or a group with no active member): everyone who answers tickets. */
const UNASSIGNED_RECIPIENT_ROLES = new Set(['agent', 'admin']);

const WARNED_COLUMN = { firstResponse: 'slaFirstResponseWarnedAt', resolution: 'slaResolutionWarnedAt' } as const;
const BREACHED_COLUMN = { firstResponse: 'slaFirstResponseBreachedAt', resolution: 'slaResolutionBreachedAt' } as const;
const DUE_COLUMN = { firstResponse: 'slaFirstResponseDueAt', resolution: 'slaResolutionDueAt' } as const;

/**
 * The worker's SLA round at `now`: a clock turning to warning e-mails the ticket's assignee (while
 * nobody is assigned, its group's active members; with no group either, every active agent and
 * admin) once per clock and ticket; a clock run out is
 * marked breached once, on the timeline and in the audit log as the system. Tickets are claimed
 * with SKIP LOCKED and the marks written in the same transaction, so two workers act once.
 */
@Injectable()
export class CheckTicketSla {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly sla: TicketSlaKeeper,
    private readonly staff: ListStaffUsers,
    private readonly groups: StaffGroups,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
  ) {}

  async execute(now = new Date()): Promise<{ warned: number; breached: number }> {
    return this.db.transaction(async () => {
      let warned = 0;
      let breached = 0;
      for (const ticket of await this.repo.claimSlaDue(now, BATCH)) {
        const clocks = await this.sla.clocksOf(ticket, now);
        const flags = (columns: typeof WARNED_COLUMN | typeof BREACHED_COLUMN) => ({
          firstResponse: ticket[columns.firstResponse] !== null,
          resolution: ticket[columns.resolution] !== null,
        });
        const actions = slaActions(
          clocks,
          slaCounting(ticket.status, ticket.firstResponseAt),
          flags(WARNED_COLUMN),
          flags(BREACHED_COLUMN),
        );
        const patch: Partial<Ticket> = {};
        for (const target of actions.warn) {
          const dueAt = clocks[target].dueAt ?? ticket[DUE_COLUMN[target]]!;
          const emailed = await this.warn(ticket, target, dueAt);
          patch[WARNED_COLUMN[target]] = now;
          await this.events.record(ticket.id, 'sla_warned', SYSTEM_ACTOR.label, { target, dueAt: dueAt.toISOString(), emailed });
          warned++;
        }
        for (const target of actions.breach) {
          const dueAt = clocks[target].dueAt ?? ticket[DUE_COLUMN[target]]!;
          // A breach found late makes its warning pointless.
          patch[WARNED_COLUMN[target]] = ticket[WARNED_COLUMN[target]] ?? now;
          patch[BREACHED_COLUMN[target]] = now;
          await this.events.record(ticket.id, 'sla_breached', SYSTEM_ACTOR.label, { target, dueAt: dueAt.toISOString() });
          await this.audit.execute({
            actor: SYSTEM_ACTOR,
            action: 'ticket.sla_breached',
            objectType: 'ticket',
            objectId: ticket.id,
            after: { reference: ticket.reference, target, dueAt: dueAt.toISOString() },
          });
          breached++;
        }
        await this.repo.update(ticket.id, patch);
        await this.sla.refresh(ticket.id, now);
      }
      return { warned, breached };
    });
  }

  private async warn(ticket: Ticket, target: SlaTargetName, dueAt: Date): Promise<number> {
    const active = (await this.staff.execute()).filter((s) => s.active);
    const assignee = ticket.assigneeId ? active.find((s) => s.id === ticket.assigneeId) : undefined;
    const members = !assignee && ticket.groupId ? (await this.groups.activeMembers(ticket.groupId)).map((m) => m.email) : [];
    const to = assignee
      ? [assignee.email]
      : members.length
        ? members
        : active.filter((s) => UNASSIGNED_RECIPIENT_ROLES.has(s.role)).map((s) => s.email);
    if (!to.length) return 0;
    await this.email.execute({
      template: TICKET_SLA_WARNING_MAIL,
      to,
      dedupeKey: `ticket-sla-warning:${ticket.id}:${target}`,
      related: { type: 'ticket', id: ticket.id },
      data: {
        ticketId: ticket.id,
        reference: ticket.reference,
        subject: ticket.subject,
        firstResponse: target === 'firstResponse',
        dueAt,
        unassigned: !assignee,
      },
    });
    return to.length;
  }
}

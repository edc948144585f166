import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';

import { BusinessCalendar } from './rules/business-calendar';
import { type SlaClocks, slaClocks, type SlaPolicy } from './rules/sla-clock';
import { SLA_PRIORITY_OF, slaCounting, slaSchedule, ticketSlaPolicy } from './rules/ticket-sla';
import type { Ticket } from './ticket.entity';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';

/**
 * A ticket's SLA clocks, replayed from its status history under the configured policy and
 * business calendar (built once), and the schedule kept on the ticket: every change that moves a
 * clock (opening, status, first public answer, priority) calls `refresh` in its own transaction.
 */
@Injectable()
export class TicketSlaKeeper {
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
  ) {
    this.policy = ticketSlaPolicy(config.sla);
    this.calendar = new BusinessCalendar(config.sla.businessHours);
  }

  async clocksOf(ticket: Pick<Ticket, 'id' | 'priority' | 'firstResponseAt'>, now: Date): Promise<SlaClocks> {
    const history = await this.events.statusHistory(ticket.id);
    // The timeline is stamped by the database; a clock read at an earlier `now` still knows the opening.
    const at = history.length && history[history.length - 1].at > now ? history[history.length - 1].at : now;
    return slaClocks(
      { priority: SLA_PRIORITY_OF[ticket.priority], history, firstResponseAt: ticket.firstResponseAt },
      this.policy,
      this.calendar,
      at,
    );
  }

  /** Recomputes and stores the ticket's due instants and next warning; the caller holds its transaction. */
  async refresh(ticketId: string, now = new Date()): Promise<void> {
    const ticket = await this.repo.find(ticketId);
    if (!ticket) return;
    const clocks = await this.clocksOf(ticket, now);
    const schedule = slaSchedule(clocks, slaCounting(ticket.status, ticket.firstResponseAt), {
      firstResponse: ticket.slaFirstResponseWarnedAt !== null,
      resolution: ticket.slaResolutionWarnedAt !== null,
    });
    await this.repo.update(ticket.id, {
      slaFirstResponseDueAt: schedule.firstResponseDueAt,
      slaResolutionDueAt: schedule.resolutionDueAt,
      slaWarnAt: schedule.warnAt,
    });
  }
}

import { AGE_BUCKETS, type AgeBucket, ageBucket } from '@domain/incidents';
import { Injectable } from '@nestjs/common';
import type { WeeklyCounts } from '@platform/database';

import { mondaysUntil, sharesPerWeek, type SlaOutcome, type WeekShare } from './rules/sla-compliance';
import { ACTIVE_STATUSES, type TicketStatus } from './rules/ticket-rules';
import { TicketRepository } from './ticket.repository';
import { TicketSlaKeeper } from './ticket-sla-keeper';

export interface OpenTicketAges {
  status: TicketStatus;
  counts: Record<AgeBucket, number>;
}

/** Per week, oldest first: of the clocks that stopped that week, how many within target. */
export interface SlaCompliance {
  weeks: string[];
  firstResponse: WeekShare[];
  resolution: WeekShare[];
}

/** The staff dashboard's figures on support tickets (read only). */
@Injectable()
export class TicketStatistics {
  constructor(
    private readonly repo: TicketRepository,
    private readonly sla: TicketSlaKeeper,
  ) {}

  /** Tickets received per week, by service ('-': none) or category. */
  ticketsPerWeek(by: 'service' | 'category', weeks: number, until = new Date()): Promise<WeeklyCounts> {
    return this.repo.perWeek(by, until, weeks);
  }

  /** Every active status, its tickets counted by how long they have been open at `at`. */
  async openTicketsByAge(at = new Date()): Promise<OpenTicketAges[]> {
    const rows = await this.repo.openDays(ACTIVE_STATUSES, at);
    return ACTIVE_STATUSES.map((status) => {
      const counts = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;
      for (const r of rows.filter((row) => row.status === status)) counts[ageBucket(r.days)] += r.count;
      return { status, counts };
    });
  }

  /**
   * First answers and resolutions per week and how many came within their target, each clock
   * replayed as it stood at that moment (a ticket resolved twice counts at its latest resolution).
   */
  async slaCompliance(weeks: number, until = new Date()): Promise<SlaCompliance> {
    const mondays = mondaysUntil(until, weeks);
    const responses: SlaOutcome[] = [];
    const resolutions: SlaOutcome[] = [];
    // A day early: the first Monday began in Oslo before it began in UTC; later weeks are cut by sharesPerWeek.
    const from = new Date(Date.parse(`${mondays[0]}T00:00:00Z`) - 86_400_000);
    for (const ticket of await this.repo.stoppedSince(from)) {
      if (ticket.firstResponseAt) {
        const clocks = await this.sla.clocksOf(ticket, ticket.firstResponseAt);
        responses.push({ at: ticket.firstResponseAt, kept: clocks.firstResponse.state === 'met' });
      }
      if (ticket.resolvedAt) {
        const clocks = await this.sla.clocksOf(ticket, ticket.resolvedAt);
        resolutions.push({ at: ticket.resolvedAt, kept: clocks.resolution.state === 'met' });
      }
    }
    return { weeks: mondays, firstResponse: sharesPerWeek(responses, mondays), resolution: sharesPerWeek(resolutions, mondays) };
  }
}

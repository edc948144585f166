import { CheckTicketSla, RecomputeTicketSla } from '@domain/support';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

import { JobRounds } from './job-rounds';

/** Tickets' SLA clocks: warnings before a target runs out and breach marks, once a minute. */
@Injectable()
export class SupportJobs {
  private readonly logger = new Logger(SupportJobs.name);
  private readonly rounds = new JobRounds(this.logger);
  /** The first round recomputes every open ticket's schedule, so changed SLA settings apply to them. */
  private recomputed = false;

  constructor(
    private readonly check: CheckTicketSla,
    private readonly recompute: RecomputeTicketSla,
  ) {}

  @Interval(60_000)
  checkSla(): Promise<void> {
    return this.rounds.run('ticket SLA round', async () => {
      if (!this.recomputed) {
        const tickets = await this.recompute.execute();
        this.recomputed = true;
        if (tickets) this.logger.log(`Recomputed the SLA schedule of ${tickets} open ticket(s)`);
      }
      const { warned, breached } = await this.check.execute();
      if (warned || breached) this.logger.log({ warned, breached }, 'ticket SLA');
    });
  }
}

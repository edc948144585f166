import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DomainEvents } from '@platform/events';

import { JobRounds } from './job-rounds';

/** Handles the domain events written by other transactions (catalogue publications → proposed notices). */
@Injectable()
export class DomainEventJobs {
  private readonly logger = new Logger(DomainEventJobs.name);
  private readonly rounds = new JobRounds(this.logger);

  constructor(private readonly events: DomainEvents) {}

  @Interval(2_000)
  process(): Promise<void> {
    return this.rounds.run('handling domain events', async () => {
      for (let n = await this.events.process(); n > 0; n = await this.events.process()) this.logger.debug(`Handled ${n} domain event(s)`);
    });
  }
}

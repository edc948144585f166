import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DomainEvents } from '@platform/events';

/** Handles the domain events written by other transactions (catalogue publications → proposed notices). */
@Injectable()
export class DomainEventJobs {
  private readonly logger = new Logger(DomainEventJobs.name);
  private busy = false;

  constructor(private readonly events: DomainEvents) {}

  @Interval(2_000)
  async process(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let n = await this.events.process(); n > 0; n = await this.events.process()) this.logger.debug(`Handled ${n} domain event(s)`);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'handling domain events failed');
    } finally {
      this.busy = false;
    }
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DeliverOutbox, DeliveryLane } from '@platform/mail';

/** The longest a lane waits after failed passes in a row (the database out of reach). */
const MAX_ERROR_PAUSE_MS = 30_000;

/**
 * Delivers the e-mail outbox in lanes, one per SMTP connection (OUTBOX_CONCURRENCY): each claims
 * one message, sends it, and claims again while there is work (the claim records the message just
 * sent), then waits the poll interval. A message the server stalls on holds up its own lane only,
 * until the send timeout aborts it; the other lanes go on. On shutdown the lanes stop claiming,
 * finish what they hold and record it, before the mail transport closes (it closes at
 * application shutdown, which comes after this), so no claimed row is left half-sent.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private running = false;
  private lanes: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly deliver: DeliverOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.lanes = Array.from({ length: this.config.outbox.concurrency }, () => this.lane());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await Promise.all(this.lanes);
  }

  private async lane(): Promise<void> {
    const lane = new DeliveryLane();
    let failures = 0;
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.deliver.execute(1, lane);
        failures = 0;
      } catch (e) {
        failures++;
        this.logger.error({ err: e instanceof Error ? e.message : String(e), failures }, 'outbox pass failed');
      }
      if (claimed) continue;
      const poll = this.config.outbox.pollIntervalMs;
      await this.pause(failures ? Math.min(MAX_ERROR_PAUSE_MS, poll * 2 ** failures) : poll);
    }
    try {
      await this.deliver.closeLane(lane);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'recording sent e-mail failed');
    }
  }

  /** Waits, or less when shutting down. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}

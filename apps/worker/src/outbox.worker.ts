import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DeliverOutbox } from '@platform/mail';

/**
 * Delivers the e-mail outbox: drains due rows, then waits the poll interval. On shutdown it stops
 * claiming and waits for the pass in flight, so no claimed row is left half-sent.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;

  constructor(
    private readonly deliver: DeliverOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.current = this.drain().finally(() => {
        this.current = null;
        this.schedule(this.config.outbox.pollIntervalMs);
      });
    }, delay);
  }

  private async drain(): Promise<void> {
    try {
      while (this.running && (await this.deliver.execute()) > 0) {
        /* keep going while there is work */
      }
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'outbox pass failed');
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { PurgeIdempotencyKeys } from '@domain/incidents/purge-idempotency-keys.use-case';
import { SendEscalationFollowUps } from '@domain/incidents/send-escalation-follow-ups.use-case';

/** Threaded follow-ups to Skatteetaten (digest), and expiry of idempotency keys. */
@Injectable()
export class IncidentJobs {
  private readonly logger = new Logger(IncidentJobs.name);
  private busy = false;

  constructor(
    private readonly followUps: SendEscalationFollowUps,
    private readonly idempotency: PurgeIdempotencyKeys,
  ) {}

  @Interval(30_000)
  async sendFollowUps(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const sent = await this.followUps.execute();
      if (sent) this.logger.log(`Queued ${sent} escalation follow-up(s)`);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'escalation follow-ups failed');
    } finally {
      this.busy = false;
    }
  }

  @Interval(3_600_000)
  async purgeIdempotencyKeys(): Promise<void> {
    await this.idempotency.execute();
  }
}

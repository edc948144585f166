import {
  FoldPendingAttachments,
  PurgeIdempotencyKeys,
  SendDueEscalations,
  SendEscalationFollowUps,
  WarnSecurityDeadlines,
} from '@domain/incidents';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

/**
 * Escalations whose settle period is over, threaded follow-ups to Skatteetaten (digest), warnings
 * of security cases' deadlines, expiry of idempotency keys, reports' attachments that intake left
 * pending.
 */
@Injectable()
export class IncidentJobs {
  private readonly logger = new Logger(IncidentJobs.name);
  private busy = false;
  private sending = false;
  private folding = false;

  constructor(
    private readonly due: SendDueEscalations,
    private readonly followUps: SendEscalationFollowUps,
    private readonly idempotency: PurgeIdempotencyKeys,
    private readonly securityDeadlines: WarnSecurityDeadlines,
    private readonly pendingAttachments: FoldPendingAttachments,
  ) {}

  @Interval(10_000)
  async foldPendingAttachments(): Promise<void> {
    if (this.folding) return;
    this.folding = true;
    try {
      const folded = await this.pendingAttachments.execute();
      if (folded) this.logger.log(`Folded ${folded} report(s) left pending into their incidents`);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'folding pending attachments failed');
    } finally {
      this.folding = false;
    }
  }

  @Interval(60_000)
  async warnSecurityDeadlines(): Promise<void> {
    try {
      const warned = await this.securityDeadlines.execute();
      if (warned) this.logger.log(`Warned the security role of ${warned} security case deadline(s)`);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'security deadline warnings failed');
    }
  }

  @Interval(2_000)
  async sendDueEscalations(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      const sent = await this.due.execute();
      if (sent) this.logger.log(`Sent the first message of ${sent} escalation(s)`);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'sending due escalations failed');
    } finally {
      this.sending = false;
    }
  }

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

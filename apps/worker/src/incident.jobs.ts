import {
  FoldPendingAttachments,
  PurgeIdempotencyKeys,
  SendDueEscalations,
  SendEscalationFollowUps,
  WarnSecurityDeadlines,
} from '@domain/incidents';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

import { JobRounds } from './job-rounds';

/**
 * Escalations whose settle period is over, threaded follow-ups to Skatteetaten (digest), warnings
 * of security cases' deadlines, expiry of idempotency keys, reports' attachments that intake left
 * pending.
 */
@Injectable()
export class IncidentJobs {
  private readonly logger = new Logger(IncidentJobs.name);
  private readonly rounds = new JobRounds(this.logger);

  constructor(
    private readonly due: SendDueEscalations,
    private readonly followUps: SendEscalationFollowUps,
    private readonly idempotency: PurgeIdempotencyKeys,
    private readonly securityDeadlines: WarnSecurityDeadlines,
    private readonly pendingAttachments: FoldPendingAttachments,
  ) {}

  @Interval(10_000)
  foldPendingAttachments(): Promise<void> {
    return this.rounds.run('folding pending attachments', async () => {
      const folded = await this.pendingAttachments.execute();
      if (folded) this.logger.log(`Folded ${folded} report(s) left pending into their incidents`);
    });
  }

  @Interval(60_000)
  warnSecurityDeadlines(): Promise<void> {
    return this.rounds.run('security deadline warnings', async () => {
      const warned = await this.securityDeadlines.execute();
      if (warned) this.logger.log(`Warned the security role of ${warned} security case deadline(s)`);
    });
  }

  @Interval(2_000)
  sendDueEscalations(): Promise<void> {
    return this.rounds.run('sending due escalations', async () => {
      const sent = await this.due.execute();
      if (sent) this.logger.log(`Sent the first message of ${sent} escalation(s)`);
    });
  }

  @Interval(30_000)
  sendFollowUps(): Promise<void> {
    return this.rounds.run('escalation follow-ups', async () => {
      const sent = await this.followUps.execute();
      if (sent) this.logger.log(`Queued ${sent} escalation follow-up(s)`);
    });
  }

  @Interval(3_600_000)
  purgeIdempotencyKeys(): Promise<void> {
    return this.rounds.run('purging idempotency keys', () => this.idempotency.execute());
  }
}

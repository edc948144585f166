import { PurgeExpiredPortalCredentials } from '@domain/consumers';
import { PurgeExpiredCredentials } from '@domain/identity';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AttemptCounter } from '@platform/rate-limit';

import { JobRounds } from './job-rounds';

/** Housekeeping that keeps credential tables small: expired sessions, spent one-time links and ended attempt windows. */
@Injectable()
export class MaintenanceJobs {
  private readonly logger = new Logger(MaintenanceJobs.name);
  private readonly rounds = new JobRounds(this.logger);

  constructor(
    private readonly staff: PurgeExpiredCredentials,
    private readonly portal: PurgeExpiredPortalCredentials,
    private readonly attempts: AttemptCounter,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  purgeExpired(): Promise<void> {
    return this.rounds.run('purging expired sessions and links', async () =>
      this.logger.debug({ staff: await this.staff.execute(), portal: await this.portal.execute() }, 'purged expired sessions and links'),
    );
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  forgetEndedAttempts(): Promise<void> {
    return this.rounds.run('forgetting ended attempt windows', () => this.attempts.forgetEnded());
  }
}

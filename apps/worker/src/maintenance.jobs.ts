import { PurgeExpiredPortalCredentials } from '@domain/consumers';
import { PurgeExpiredCredentials } from '@domain/identity';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';

import { JobRounds } from './job-rounds';

/** Housekeeping that keeps credential tables small: expired sessions and spent one-time links. */
@Injectable()
export class MaintenanceJobs {
  private readonly logger = new Logger(MaintenanceJobs.name);
  private readonly rounds = new JobRounds(this.logger);

  constructor(
    private readonly staff: PurgeExpiredCredentials,
    private readonly portal: PurgeExpiredPortalCredentials,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  purgeExpired(): Promise<void> {
    return this.rounds.run('purging expired sessions and links', async () =>
      this.logger.debug({ staff: await this.staff.execute(), portal: await this.portal.execute() }, 'purged expired sessions and links'),
    );
  }
}

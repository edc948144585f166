import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { PurgeExpiredCredentials } from '@domain/identity/purge-expired-credentials.use-case';

@Injectable()
export class MaintenanceJobs {
  private readonly logger = new Logger(MaintenanceJobs.name);

  constructor(private readonly purge: PurgeExpiredCredentials) {}

  @Cron(CronExpression.EVERY_HOUR)
  async purgeExpired(): Promise<void> {
    this.logger.debug(await this.purge.execute(), 'purged expired sessions and links');
  }
}

import { Injectable } from '@nestjs/common';

import { ConsumersRepository } from './consumers.repository';

/** Housekeeping: portal sessions past their expiry and sign-in links spent or expired a day ago. */
@Injectable()
export class PurgeExpiredPortalCredentials {
  constructor(private readonly repo: ConsumersRepository) {}

  execute(): Promise<{ sessions: number; links: number }> {
    return this.repo.deleteExpiredPortalCredentials();
  }
}

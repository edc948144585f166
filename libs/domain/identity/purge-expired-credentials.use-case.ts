import { Injectable } from '@nestjs/common';

import { IdentityRepository } from './identity.repository';

/** Housekeeping: expired sessions and long-spent one-time links. */
@Injectable()
export class PurgeExpiredCredentials {
  constructor(private readonly identity: IdentityRepository) {}

  async execute(): Promise<{ sessions: number; links: number }> {
    return { sessions: await this.identity.deleteExpiredSessions(), links: await this.identity.deleteSpentPasswordSetTokens() };
  }
}

import { Injectable } from '@nestjs/common';

import { PasswordSetTokenRepository } from './password-set-token.repository';
import { StaffSessionRepository } from './staff-session.repository';

/** Housekeeping: expired sessions and long-spent one-time links. */
@Injectable()
export class PurgeExpiredCredentials {
  constructor(
    private readonly sessions: StaffSessionRepository,
    private readonly passwordSetTokens: PasswordSetTokenRepository,
  ) {}

  async execute(): Promise<{ sessions: number; links: number }> {
    return { sessions: await this.sessions.deleteExpired(), links: await this.passwordSetTokens.deleteSpent() };
  }
}

import { randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { hashToken } from '@platform/security';

import { StaffSessionRepository } from './staff-session.repository';

export interface SignInResult {
  cookieValue: string;
  expiresAt: Date;
}

/** Opens a staff session: a random cookie value, only its hash stored; shared by sign-in and the first admin's setup. */
@Injectable()
export class StaffSessionIssuer {
  constructor(
    private readonly sessions: StaffSessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(staffId: string, ip: string | null, userAgent: string | null): Promise<SignInResult> {
    const cookieValue = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    await this.sessions.insert({
      idHash: hashToken(cookieValue),
      staffId,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { cookieValue, expiresAt };
  }
}

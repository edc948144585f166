import type { StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { hashToken } from '@platform/security';

import { ApiTokenRepository } from './api-token.repository';
import { StaffSessionRepository } from './staff-session.repository';
import { StaffUserRepository } from './staff-user.repository';

/** Resolves a Bearer token or a session cookie to a staff principal, or null. */
@Injectable()
export class AuthenticateStaff {
  constructor(
    private readonly staffUsers: StaffUserRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly apiTokens: ApiTokenRepository,
  ) {}

  async byToken(token: string): Promise<StaffPrincipal | null> {
    const stored = await this.apiTokens.findActive(hashToken(token));
    if (!stored) return null;
    const user = await this.staffUsers.find(stored.staffId);
    if (!user?.active) return null;
    await this.apiTokens.touch(stored.id);
    return { kind: 'staff', id: user.id, email: user.email, name: user.name, role: user.role, via: 'token' };
  }

  async bySession(cookieValue: string): Promise<StaffPrincipal | null> {
    const idHash = hashToken(cookieValue);
    const session = await this.sessions.findLive(idHash);
    if (!session) return null;
    const user = await this.staffUsers.find(session.staffId);
    if (!user?.active) return null;
    return {
      kind: 'staff',
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      via: 'session',
      sessionId: idHash,
      csrfToken: session.csrfToken,
    };
  }
}

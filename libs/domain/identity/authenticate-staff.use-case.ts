import type { StaffPrincipal } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { CredentialCache, DatabaseNotifications, type StoredCredential } from '@platform/database';
import { hashToken } from '@platform/security';

import { ApiTokenRepository } from './api-token.repository';
import { StaffSessionRepository } from './staff-session.repository';
import { StaffUserRepository } from './staff-user.repository';

/** Resolves a Bearer token or a session cookie to a staff principal, or null. */
@Injectable()
export class AuthenticateStaff {
  private readonly tokens: CredentialCache<StaffPrincipal>;

  constructor(
    private readonly staffUsers: StaffUserRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly apiTokens: ApiTokenRepository,
    notifications: DatabaseNotifications,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new CredentialCache(notifications, config.credentialCacheSeconds);
  }

  byToken(token: string): Promise<StaffPrincipal | null> {
    return this.tokens.resolve(
      hashToken(token),
      () => this.storedToken(token),
      (id) => this.apiTokens.touch(id),
    );
  }

  private async storedToken(token: string): Promise<StoredCredential<StaffPrincipal> | null> {
    const stored = await this.apiTokens.findActive(hashToken(token));
    if (!stored) return null;
    const user = await this.staffUsers.find(stored.staffId);
    if (!user?.active) return null;
    return {
      id: stored.id,
      lastUsedAt: stored.lastUsedAt,
      principal: { kind: 'staff', id: user.id, email: user.email, name: user.name, role: user.role, via: 'token' },
    };
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

import type { StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { hashToken } from '@platform/security';

import { IdentityRepository } from './identity.repository';

/** Resolves a Bearer token or a session cookie to a staff principal, or null. */
@Injectable()
export class AuthenticateStaff {
  constructor(private readonly identity: IdentityRepository) {}

  async byToken(token: string): Promise<StaffPrincipal | null> {
    const stored = await this.identity.findActiveApiToken(hashToken(token));
    if (!stored) return null;
    const user = await this.identity.findStaffById(stored.staffId);
    if (!user?.active) return null;
    await this.identity.touchApiToken(stored.id);
    return { kind: 'staff', id: user.id, email: user.email, name: user.name, role: user.role, via: 'token' };
  }

  async bySession(cookieValue: string): Promise<StaffPrincipal | null> {
    const idHash = hashToken(cookieValue);
    const session = await this.identity.findLiveSession(idHash);
    if (!session) return null;
    const user = await this.identity.findStaffById(session.staffId);
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

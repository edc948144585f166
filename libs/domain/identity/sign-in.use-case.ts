import { RecordAudit } from '@domain/audit';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import argon2 from 'argon2';

import { InvalidCredentials } from './identity.exceptions';
import { type SignInResult, StaffSessionIssuer } from './staff-session-issuer';
import { StaffUserRepository } from './staff-user.repository';

// Verifying against a fixed hash when the account does not exist keeps timing from revealing accounts.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2VnbWVudGRlc2tkdW1teQ$3H0q0p9N2W9lYk0m7j2b6xJ4Zt8sXgk3Jm0xwQe1s9E';

export type { SignInResult } from './staff-session-issuer';

@Injectable()
export class SignIn {
  constructor(
    private readonly staffUsers: StaffUserRepository,
    private readonly sessions: StaffSessionIssuer,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(email: string, password: string, ip: string | null, userAgent: string | null): Promise<SignInResult> {
    const normalised = email.trim().toLowerCase();
    const user = await this.staffUsers.findByEmail(normalised);
    const anonymous = { kind: 'anonymous' as const, id: null, label: normalised, ip };
    const ok = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    // A locked account is answered like a wrong password, after the same work: the answer must
    // not tell that the address has an account.
    const refuseLocked = async (id: string) => {
      await this.audit.execute({ actor: anonymous, action: 'login.locked', objectType: 'staff_user', objectId: id });
      return new InvalidCredentials();
    };
    if (user?.lockedUntil && user.lockedUntil > new Date()) throw await refuseLocked(user.id);
    if (!user || !user.active || !user.passwordHash || !ok) {
      const locked = user
        ? (await this.staffUsers.recordFailedLogin(user.id, this.config.loginMaxFailures, this.config.loginLockoutMinutes)).locked
        : false;
      await this.audit.execute({
        actor: anonymous,
        action: 'login.failed',
        objectType: 'staff_user',
        objectId: user?.id ?? null,
        details: { locked },
      });
      throw new InvalidCredentials();
    }
    // Locked by failures counted while the password was checked: the right guess comes too late.
    if (!(await this.staffUsers.recordSuccessfulLogin(user.id))) throw await refuseLocked(user.id);
    const session = await this.sessions.open(user.id, ip, userAgent);
    await this.audit.execute({
      actor: { kind: 'staff', id: user.id, label: user.email, ip },
      action: 'login.succeeded',
      objectType: 'staff_user',
      objectId: user.id,
    });
    return session;
  }
}

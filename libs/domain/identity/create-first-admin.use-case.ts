import { RecordAudit } from '@domain/audit';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { type FieldError, ValidationFailed } from '@platform/errors';
import { hashToken } from '@platform/security';
import argon2 from 'argon2';

import { InvalidSetupLink, SetupAlreadyDone, WeakPassword } from './identity.exceptions';
import { SetupTokenRepository } from './setup-token.repository';
import { type SignInResult, StaffSessionIssuer } from './staff-session-issuer';
import { StaffUserRepository } from './staff-user.repository';

export interface FirstAdminInput {
  name: string;
  email: string;
  password: string;
  /** The password typed a second time. */
  passwordRepeat: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 12;

/** Creates the first admin from the setup link and signs them in; only while the installation has no staff users. */
@Injectable()
export class CreateFirstAdmin {
  constructor(
    private readonly db: DatabaseContext,
    private readonly staffUsers: StaffUserRepository,
    private readonly setupTokens: SetupTokenRepository,
    private readonly sessions: StaffSessionIssuer,
    private readonly audit: RecordAudit,
  ) {}

  /** True while no staff user exists: the login page then points to the setup link. */
  async needed(): Promise<boolean> {
    return (await this.staffUsers.count()) === 0;
  }

  /** Throws the reason the link cannot be used now (used, expired, or the installation has staff). */
  async assertUsable(token: string): Promise<void> {
    if (!(await this.needed())) throw new SetupAlreadyDone();
    if (!(await this.setupTokens.findUsable(hashToken(token)))) throw new InvalidSetupLink();
  }

  async execute(token: string, input: FirstAdminInput, ip: string | null, userAgent: string | null): Promise<SignInResult> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    const errors: FieldError[] = [];
    if (!name || name.length > 200) errors.push({ field: 'name', message: 'must be 1–200 characters' });
    if (!EMAIL.test(email)) errors.push({ field: 'email', message: 'must be an e-mail address' });
    if (errors.length) throw new ValidationFailed(errors);
    if (typeof input.password !== 'string' || input.password.length < MIN_PASSWORD) throw new WeakPassword();
    if (input.password !== input.passwordRepeat)
      throw new ValidationFailed([{ field: 'passwordRepeat', message: 'must be the same password' }], 'passwords_differ');
    await this.assertUsable(token);
    // Hash before the transaction: never hold a transaction open across slow work.
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    return this.db.transaction(async () => {
      // The same lock as issuing links: two tabs posting at once create one admin.
      await this.db.advisoryXactLock('segment-desk:first-admin');
      if ((await this.staffUsers.count()) > 0) throw new SetupAlreadyDone();
      if (!(await this.setupTokens.consume(hashToken(token)))) throw new InvalidSetupLink();
      const user = await this.staffUsers.save({ email, name, role: 'admin', passwordHash });
      const actor = { kind: 'staff' as const, id: user.id, label: user.email, ip };
      await this.audit.execute({
        actor,
        action: 'staff.first_admin_created',
        objectType: 'staff_user',
        objectId: user.id,
        after: { email, name, role: 'admin' },
      });
      const session = await this.sessions.open(user.id, ip, userAgent);
      await this.staffUsers.recordSuccessfulLogin(user.id);
      return session;
    });
  }
}

import { RecordAudit } from '@domain/audit';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { hashToken } from '@platform/security';
import argon2 from 'argon2';

import { InvalidPasswordLink, WeakPassword } from './identity.exceptions';
import { PasswordSetTokenRepository } from './password-set-token.repository';
import { StaffSessionRepository } from './staff-session.repository';
import { StaffUserRepository } from './staff-user.repository';

@Injectable()
export class SetPassword {
  constructor(
    private readonly db: DatabaseContext,
    private readonly staffUsers: StaffUserRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly passwordSetTokens: PasswordSetTokenRepository,
    private readonly audit: RecordAudit,
  ) {}

  async isUsable(token: string): Promise<boolean> {
    return !!(await this.passwordSetTokens.findUsable(hashToken(token)));
  }

  async execute(token: string, password: string, ip: string | null): Promise<void> {
    if (typeof password !== 'string' || password.length < 12) throw new WeakPassword();
    // Hash before the transaction: never hold a transaction open across slow work.
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    await this.db.transaction(async () => {
      const link = await this.passwordSetTokens.consume(hashToken(token));
      if (!link) throw new InvalidPasswordLink();
      const user = await this.staffUsers.find(link.staffId);
      if (!user) throw new InvalidPasswordLink();
      await this.staffUsers.save({ id: user.id, passwordHash, failedLogins: 0, lockedUntil: null });
      // Other links (a reset asked for twice, one an admin pasted into a chat) would choose another password behind this one.
      await this.passwordSetTokens.spendAllOf(user.id);
      await this.sessions.deleteAllOf(user.id);
      await this.audit.execute({
        actor: { kind: 'staff', id: user.id, label: user.email, ip },
        action: 'staff.password_set',
        objectType: 'staff_user',
        objectId: user.id,
      });
    });
  }
}

import { RecordAudit } from '@domain/audit';
import { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { NotFound } from '@platform/errors';
import { EnqueueEmail } from '@platform/mail';

import { PASSWORD_SET_MAIL } from './mail/password-set.mail';
import { PasswordLinks } from './password-links';
import { PasswordSetTokenRepository } from './password-set-token.repository';
import { StaffUserRepository } from './staff-user.repository';

// At most this many reset links per account per hour, whoever asks.
const RESETS_PER_HOUR = 3;

@Injectable()
export class ResetStaffPassword {
  constructor(
    private readonly db: DatabaseContext,
    private readonly staffUsers: StaffUserRepository,
    private readonly passwordSetTokens: PasswordSetTokenRepository,
    private readonly links: PasswordLinks,
    private readonly audit: RecordAudit,
    private readonly email: EnqueueEmail,
  ) {}

  /** Staff or CLI: issue a link for a known account and return it. */
  async byAdmin(email: string, actor: Actor): Promise<{ link: string }> {
    return this.db.transaction(async () => {
      const user = await this.staffUsers.findByEmail(email);
      if (!user) throw new NotFound('The staff user');
      const { link } = await this.links.issue(user.id);
      await this.audit.execute({ actor, action: 'staff.password_reset_issued', objectType: 'staff_user', objectId: user.id });
      return { link };
    });
  }

  /** The public "forgot password" form: same answer whether or not the account exists. */
  async requestedBySelf(email: string, ip: string | null): Promise<void> {
    await this.db.transaction(async () => {
      const user = await this.staffUsers.findByEmail(email);
      if (!user?.active) return;
      const recent = await this.passwordSetTokens.countSince(user.id, new Date(Date.now() - 3_600_000));
      if (recent >= RESETS_PER_HOUR) return;
      const { link, expiresAt } = await this.links.issue(user.id);
      await this.email.execute({
        template: PASSWORD_SET_MAIL,
        to: [user.email],
        data: { name: user.name, link, expiresAt, reset: true },
        dedupeKey: `password-set:${link}`,
      });
      await this.audit.execute({
        actor: { kind: 'anonymous', id: null, label: user.email, ip },
        action: 'staff.password_reset_requested',
        objectType: 'staff_user',
        objectId: user.id,
      });
    });
  }
}

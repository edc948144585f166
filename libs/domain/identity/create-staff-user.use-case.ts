import { RecordAudit } from '@domain/audit';
import { Actor, STAFF_ROLES, StaffRole } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { EnqueueEmail } from '@platform/mail';

import { StaffEmailTaken } from './identity.exceptions';
import { PASSWORD_SET_MAIL } from './mail/password-set.mail';
import { PasswordLinks } from './password-links';
import { StaffUser } from './staff-user.entity';
import { StaffUserRepository } from './staff-user.repository';

export interface CreateStaffUserInput {
  email: string;
  name?: string;
  role: StaffRole;
  /** Send the password link by e-mail (the admin UI) or only return it (the CLI). */
  sendEmail?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Injectable()
export class CreateStaffUser {
  constructor(
    private readonly db: DatabaseContext,
    private readonly staffUsers: StaffUserRepository,
    private readonly links: PasswordLinks,
    private readonly audit: RecordAudit,
    private readonly email: EnqueueEmail,
  ) {}

  async execute(input: CreateStaffUserInput, actor: Actor): Promise<{ user: StaffUser; link: string }> {
    const email = input.email?.trim().toLowerCase() ?? '';
    const errors = [];
    if (!EMAIL.test(email)) errors.push({ field: 'email', message: 'must be an e-mail address' });
    if (!STAFF_ROLES.includes(input.role)) errors.push({ field: 'role', message: `must be one of ${STAFF_ROLES.join(', ')}` });
    if (errors.length) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      const user = await this.staffUsers.insertIfEmailFree({ email, name: input.name?.trim() || email, role: input.role });
      if (!user) throw new StaffEmailTaken(email);
      const { link, expiresAt } = await this.links.issue(user.id);
      if (input.sendEmail) {
        await this.email.execute({
          template: PASSWORD_SET_MAIL,
          to: [email],
          data: { name: user.name, link, expiresAt, reset: false },
          dedupeKey: `password-set:${link}`,
        });
      }
      await this.audit.execute({
        actor,
        action: 'staff.created',
        objectType: 'staff_user',
        objectId: user.id,
        after: { email, name: user.name, role: user.role },
      });
      return { user, link };
    });
  }
}

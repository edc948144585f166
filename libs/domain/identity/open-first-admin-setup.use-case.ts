import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { hashToken, newSecretToken } from '@platform/security';

import { SetupTokenRepository } from './setup-token.repository';
import { StaffUserRepository } from './staff-user.repository';

export const SETUP_LINK_TTL_HOURS = 24;

/**
 * A new installation has no staff users and so no one who can sign in. At every start while that
 * is so, a fresh one-time link to create the first admin is issued (earlier ones stop working)
 * for the launcher to print in the log: whoever reads the server's log may become the first admin.
 */
@Injectable()
export class OpenFirstAdminSetup {
  constructor(
    private readonly db: DatabaseContext,
    private readonly staffUsers: StaffUserRepository,
    private readonly setupTokens: SetupTokenRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The setup link, or null when staff users exist. */
  execute(): Promise<{ link: string; expiresAt: Date } | null> {
    return this.db.transaction(async () => {
      await this.db.advisoryXactLock('segment-desk:first-admin');
      if ((await this.staffUsers.count()) > 0) return null;
      const token = newSecretToken('setup');
      const expiresAt = new Date(Date.now() + SETUP_LINK_TTL_HOURS * 3_600_000);
      await this.setupTokens.replace(hashToken(token), expiresAt);
      return { link: `${this.config.publicUrl}/setup/${encodeURIComponent(token)}`, expiresAt };
    });
  }
}

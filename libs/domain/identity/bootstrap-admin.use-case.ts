import { RecordAudit } from '@domain/audit';
import { SYSTEM_ACTOR } from '@domain/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { displayPrefix, hashToken } from '@platform/security';

import { ApiTokenRepository } from './api-token.repository';
import { StaffUserRepository } from './staff-user.repository';

/**
 * On an empty database, BOOTSTRAP_ADMIN_EMAIL + BOOTSTRAP_ADMIN_TOKEN create the first admin,
 * whose API token is exactly that value. Otherwise the variables are ignored.
 */
@Injectable()
export class BootstrapAdmin {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly db: DatabaseContext,
    private readonly staffUsers: StaffUserRepository,
    private readonly apiTokens: ApiTokenRepository,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<'created' | 'ignored' | 'not-configured'> {
    const { bootstrapAdminEmail: email, bootstrapAdminToken: token } = this.config;
    if (!email || !token) return 'not-configured';
    return this.db.transaction(async () => {
      // Serialise with other processes starting against the same database.
      await this.db.advisoryXactLock('segment-desk:bootstrap-admin');
      if ((await this.staffUsers.count()) > 0) {
        this.logger.log('BOOTSTRAP_ADMIN_* ignored: the database already has staff users');
        return 'ignored';
      }
      const user = await this.staffUsers.save({ email: email.toLowerCase(), name: 'Administrator', role: 'admin' });
      await this.apiTokens.insert({
        staffId: user.id,
        name: 'bootstrap',
        prefix: displayPrefix(token),
        tokenHash: hashToken(token),
      });
      await this.audit.execute({
        actor: SYSTEM_ACTOR,
        action: 'staff.bootstrapped',
        objectType: 'staff_user',
        objectId: user.id,
        after: { email: user.email, role: 'admin' },
      });
      this.logger.log(`Created the first admin ${user.email} from BOOTSTRAP_ADMIN_EMAIL`);
      return 'created';
    });
  }
}

import { RecordAudit } from '@domain/audit';
import { SYSTEM_ACTOR } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';

import { OperationalMessageRepository } from './operational-message.repository';

/** Ends operational messages older than the configured maximum, so a message nobody ended does not hide problems for good. */
@Injectable()
export class ExpireOperationalMessages {
  constructor(
    private readonly db: DatabaseContext,
    private readonly messages: OperationalMessageRepository,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute(now: Date = new Date()): Promise<number> {
    return this.db.transaction(async () => {
      let ended = 0;
      const before = new Date(now.getTime() - this.config.notices.operationalMessageMaxHours * 3_600_000);
      for (const m of await this.messages.activeStartedBefore(before)) {
        if (!(await this.messages.end(m.id, now, 'expired'))) continue;
        ended++;
        await this.audit.execute({
          actor: SYSTEM_ACTOR,
          action: 'operational-message.ended',
          objectType: 'operational_message',
          objectId: m.id,
          after: { reason: 'expired' },
        });
      }
      return ended;
    });
  }
}

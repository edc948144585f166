import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ListOutboxMessages } from '@platform/mail';

/**
 * Staff send a failed e-mail again: the outbox knows no audit log, so the retry and its audit
 * entry are joined here, in one transaction.
 */
@Injectable()
export class RetryMail {
  constructor(
    private readonly db: DatabaseContext,
    private readonly mail: ListOutboxMessages,
    private readonly audit: RecordAudit,
  ) {}

  execute(id: string, actor: Actor): Promise<void> {
    return this.db.transaction(async () => {
      const message = await this.mail.retry(id);
      if (!message) return;
      await this.audit.execute({
        actor,
        action: 'mail.retried',
        objectType: 'outbox_message',
        objectId: id,
        details: { template: message.template, attempts: message.attempts, lastError: message.lastError },
      });
    });
  }
}

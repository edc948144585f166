import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ListDomainEvents } from '@platform/events';

/**
 * Staff give a reaction that failed (its handlers gave up after their retries) one more try: the
 * event table knows no audit log, so the retry and its audit entry are joined here, in one transaction.
 */
@Injectable()
export class RetryDomainEvent {
  constructor(
    private readonly db: DatabaseContext,
    private readonly events: ListDomainEvents,
    private readonly audit: RecordAudit,
  ) {}

  execute(id: string, actor: Actor): Promise<void> {
    return this.db.transaction(async () => {
      const event = await this.events.retry(id);
      if (!event) return;
      await this.audit.execute({
        actor,
        action: 'domain_event.retried',
        objectType: 'domain_event',
        objectId: id,
        details: { type: event.type, attempts: event.attempts, lastError: event.lastError },
      });
    });
  }
}

import { IncidentVisibility, objectKey } from '@domain/incidents';
import { hasPermission, type Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@platform/database';
import { ListOutboxMessages, type OutboxMessage, type OutboxSort, type OutboxStatus } from '@platform/mail';

/** An e-mail as a caller sees it: one about a security case they may not read keeps only that it exists. */
export type ReadableOutboxMessage = OutboxMessage & { restricted: boolean };

/**
 * The outbox knows nothing of incidents, so the security cases' rule is applied here: staff who
 * may not read a case see that an e-mail about it was sent, when and to whom, never its subject or body.
 */
@Injectable()
export class ReadableOutbox {
  constructor(
    private readonly mail: ListOutboxMessages,
    private readonly visibility: IncidentVisibility,
  ) {}

  async list(
    caller: Principal,
    filter: { status?: OutboxStatus; relatedType?: string; relatedId?: string; limit?: number },
  ): Promise<ReadableOutboxMessage[]> {
    return this.masked(caller, await this.mail.execute(filter));
  }

  /** One page of messages, bodies left out. */
  async page(caller: Principal, filter: { status?: OutboxStatus }, req: PageRequest<OutboxSort>): Promise<Page<ReadableOutboxMessage>> {
    const page = await this.mail.page(filter, req);
    return { ...page, items: await this.masked(caller, page.items) };
  }

  /** One message with its content; about a security case only for those who may read it, credential mail only for admins. */
  async one(caller: Principal, id: string): Promise<OutboxMessage> {
    const message = await this.mail.one(id, hasPermission(caller, 'mail.read-credentials'));
    await this.visibility.assertReadable(caller, { type: message.relatedType, id: message.relatedId });
    return message;
  }

  private async masked(caller: Principal, messages: OutboxMessage[]): Promise<ReadableOutboxMessage[]> {
    const hidden = await this.visibility.hiddenFrom(
      caller,
      messages.map((m) => ({ type: m.relatedType, id: m.relatedId })),
    );
    return messages.map((m) =>
      hidden.has(objectKey({ type: m.relatedType, id: m.relatedId }))
        ? { ...m, subject: '', html: '', text: '', lastError: null, restricted: true }
        : { ...m, restricted: false },
    );
  }
}

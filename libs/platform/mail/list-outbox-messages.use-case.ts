import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@platform/database';
import { Forbidden, NotFound } from '@platform/errors';

import { carriesCredential } from './mail-template';
import { type MailDelivery, type OutboxBacklog, OutboxRepository, type OutboxSort } from './outbox.repository';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

export type { OutboundThreadEntry, OutboxSort } from './outbox.repository';

@Injectable()
export class ListOutboxMessages {
  constructor(private readonly outbox: OutboxRepository) {}

  execute(filter: { status?: OutboxStatus; relatedType?: string; relatedId?: string; limit?: number }): Promise<OutboxMessage[]> {
    return this.outbox.list(filter);
  }

  /** One page of messages, bodies left out. */
  page(filter: { status?: OutboxStatus }, req: PageRequest<OutboxSort>): Promise<Page<OutboxMessage>> {
    return this.outbox.page(filter, req);
  }

  /** Where each of these messages stands (pending, sending, sent, failed), by Message-ID. */
  statusOf(messageIds: string[]): Promise<Map<string, OutboxStatus>> {
    return this.outbox.statusOf(messageIds);
  }

  /** Where one message's delivery stands (queued, sending, sent, retrying, failed), by its Message-ID. */
  deliveryOf(messageId: string): Promise<MailDelivery | null> {
    return this.outbox.deliveryOf(messageId);
  }

  /** What waits to be sent, and what was given up on. */
  backlog(): Promise<OutboxBacklog> {
    return this.outbox.backlog();
  }

  /** Which of these Message-IDs we sent, and what about (template, related object): how a reply finds its thread. */
  sentAbout(messageIds: string[]) {
    return this.outbox.sentAbout(messageIds);
  }

  /** The first Message-ID of the thread a message we sent belongs to (its own when it began one); null when we did not send it. */
  threadRootOf(messageId: string): Promise<string | null> {
    return this.outbox.threadRootOf(messageId);
  }

  /** The subject a message was sent with: replies in its thread keep it, as mail clients group threads by it. */
  subjectOf(messageId: string): Promise<string | null> {
    return this.outbox.subjectOf(messageId);
  }

  /** One message with its content; credential-bearing ones only for readers who may issue such links anyway (admins). */
  async one(id: string, canReadCredentials: boolean): Promise<OutboxMessage> {
    const m = await this.outbox.findById(id);
    if (!m) throw new NotFound('The e-mail');
    if (carriesCredential(m.template) && !canReadCredentials)
      throw new Forbidden('Only administrators can read e-mails whose links act for their recipient.', 'credential_mail');
    return m;
  }

  /** Sends a failed message again; returns what it was, or null when it had not failed. */
  retry(id: string): Promise<Pick<OutboxMessage, 'template' | 'attempts' | 'lastError'> | null> {
    return this.outbox.retryNow(id);
  }
}

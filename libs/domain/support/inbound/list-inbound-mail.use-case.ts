import { Injectable } from '@nestjs/common';

import { InboundMailNotFound } from './inbound-mail.exceptions';
import type { InboundMessageStatus } from './inbound-message.entity';
import { InboundMessageRepository } from './inbound-message.repository';

/** Inbound e-mail for staff: what no context took first, and each message with its attachments' names. */
@Injectable()
export class ListInboundMail {
  constructor(private readonly messages: InboundMessageRepository) {}

  page(status: InboundMessageStatus | undefined, req: { limit: number; offset: number }) {
    return this.messages.page(status, req);
  }

  async one(id: string) {
    const message = await this.messages.findById(id);
    if (!message) throw new InboundMailNotFound();
    return { ...message, attachments: await this.messages.attachmentsOf(id) };
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext, type Page, type PageRequest } from '@platform/database';

import { InboundAttachment } from './inbound-attachment.entity';
import { InboundMessage, type InboundMessageStatus } from './inbound-message.entity';

export type NewInboundMessage = Omit<InboundMessage, 'id' | 'receivedAt' | 'routedTo' | 'routeHow' | 'routeSummary'>;

/** Inbound e-mail and its attachments. */
@Injectable()
export class InboundMessageRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Stores the message unless one with its Message-ID is stored already; null then. */
  async insertOnce(message: NewInboundMessage): Promise<InboundMessage | null> {
    const result = await this.db
      .repository(InboundMessage)
      .createQueryBuilder()
      .insert()
      .values(message)
      .orIgnore()
      .returning(['id', 'receivedAt'])
      .execute();
    const row = result.raw as Array<{ id: string; received_at: Date }>;
    return row.length
      ? { ...message, id: row[0].id, receivedAt: row[0].received_at, routedTo: null, routeHow: null, routeSummary: null }
      : null;
  }

  async addAttachments(attachments: Array<Omit<InboundAttachment, 'id'>>): Promise<void> {
    if (attachments.length) await this.db.repository(InboundAttachment).insert(attachments);
  }

  async markRouted(id: string, route: Pick<InboundMessage, 'routedTo' | 'routeHow' | 'routeSummary'>): Promise<void> {
    await this.db.repository(InboundMessage).update(id, { status: 'routed', ...route });
  }

  async attachmentsOf(inboundMessageId: string): Promise<InboundAttachment[]> {
    return this.db.repository(InboundAttachment).find({ where: { inboundMessageId }, order: { filename: 'ASC' } });
  }

  findById(id: string): Promise<InboundMessage | null> {
    return this.db.repository(InboundMessage).findOneBy({ id });
  }

  async page(status: InboundMessageStatus | undefined, req: Pick<PageRequest<never>, 'limit' | 'offset'>): Promise<Page<InboundMessage>> {
    const [items, total] = await this.db.repository(InboundMessage).findAndCount({
      where: status ? { status } : {},
      order: { receivedAt: 'DESC', id: 'ASC' },
      take: req.limit,
      skip: req.offset,
    });
    return { items, total };
  }
}

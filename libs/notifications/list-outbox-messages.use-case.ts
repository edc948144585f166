import { Injectable } from '@nestjs/common';
import { NotFound } from '@domain/shared/errors/domain.exception';
import { OutboxRepository } from './outbox.repository';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

@Injectable()
export class ListOutboxMessages {
  constructor(private readonly outbox: OutboxRepository) {}

  execute(filter: { status?: OutboxStatus; relatedType?: string; relatedId?: string; limit?: number }): Promise<OutboxMessage[]> {
    return this.outbox.list(filter);
  }

  async one(id: string): Promise<OutboxMessage> {
    const m = await this.outbox.findById(id);
    if (!m) throw new NotFound('The e-mail');
    return m;
  }

  retry(id: string): Promise<void> {
    return this.outbox.retryNow(id);
  }
}

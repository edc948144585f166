import { RecordAudit } from '@domain/audit';
import { FindConsumers } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { UnknownTicketConsumer } from './support.exceptions';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';

/**
 * Staff say whose a ticket is: typically one that came by e-mail from an unknown address or one
 * several consumers share. The sender counts as verified from then on.
 */
@Injectable()
export class SetTicketConsumer {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly consumers: FindConsumers,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, consumerId: string, actor: Actor): Promise<void> {
    const consumer = consumerId ? await this.consumers.byId(consumerId) : null;
    if (!consumer) throw new UnknownTicketConsumer();
    await this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(id);
      if (ticket.consumerId === consumer.id && !ticket.unverified) return;
      await this.repo.update(ticket.id, { consumerId: consumer.id, unverified: false });
      await this.events.record(ticket.id, 'consumer_set', actor.label, { from: ticket.consumerId, to: consumer.id, toName: consumer.name });
      await this.audit.execute({
        actor,
        action: 'ticket.consumer_set',
        objectType: 'ticket',
        objectId: ticket.id,
        before: { consumerId: ticket.consumerId, unverified: ticket.unverified },
        after: { consumerId: consumer.id, unverified: false },
      });
    });
  }
}

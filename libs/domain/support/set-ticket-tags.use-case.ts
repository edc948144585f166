import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { normaliseTags } from './rules/ticket-rules';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { cleanTicketText } from './ticket-text';

/** Staff replace a ticket's tags. */
@Injectable()
export class SetTicketTags {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, tags: string[], actor: Actor): Promise<boolean> {
    const wanted = normaliseTags(tags.map(cleanTicketText));
    if (wanted.length > 20 || wanted.some((t) => t.length > 40))
      throw new ValidationFailed([{ field: 'tags', message: 'must be at most 20 tags of at most 40 characters' }]);
    return this.db.transaction(async () => {
      const ticket = await this.repo.lockExisting(id);
      if (ticket.tags.join(',') === wanted.join(',')) return false;
      await this.repo.update(ticket.id, { tags: wanted });
      await this.events.record(ticket.id, 'tags_set', actor.label, { from: ticket.tags, to: wanted });
      await this.audit.execute({
        actor,
        action: 'ticket.tags_set',
        objectType: 'ticket',
        objectId: ticket.id,
        before: { tags: ticket.tags },
        after: { tags: wanted },
      });
      return true;
    });
  }
}

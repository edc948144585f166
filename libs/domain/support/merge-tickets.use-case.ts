import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { mergeRefusal } from './rules/ticket-rules';
import { TicketMergeRefused, TicketNotFound, TicketNotMerged } from './support.exceptions';
import type { Ticket } from './ticket.entity';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';

/**
 * Folds a duplicate ticket into another: its messages move over (each remembering where it came
 * from) and the duplicate stays as a pointer. Unmerging moves exactly those messages back.
 */
@Injectable()
export class MergeTickets {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly audit: RecordAudit,
  ) {}

  async merge(sourceId: string, intoId: string, actor: Actor): Promise<{ target: Ticket; moved: number }> {
    return this.db.transaction(async () => {
      // Lock in id order so two opposite merges cannot deadlock.
      const locked = new Map<string, Ticket | null>();
      for (const id of [...new Set([sourceId, intoId])].sort()) locked.set(id, await this.repo.lock(id));
      const source = locked.get(sourceId);
      const target = locked.get(intoId);
      if (!source || !target) throw new TicketNotFound();
      const refusal = mergeRefusal(source, target);
      if (refusal) throw new TicketMergeRefused(refusal);
      const moved = await this.repo.moveMessages(source.id, target.id);
      await this.repo.update(source.id, { mergedIntoId: target.id });
      await this.repo.update(target.id, {
        lastMessageAt: source.lastMessageAt > target.lastMessageAt ? source.lastMessageAt : target.lastMessageAt,
      });
      await this.events.record(target.id, 'merged_in', actor.label, { from: source.reference, fromId: source.id, messages: moved });
      await this.events.record(source.id, 'merged_into', actor.label, { into: target.reference, intoId: target.id });
      await this.audit.execute({
        actor,
        action: 'ticket.merged',
        objectType: 'ticket',
        objectId: source.id,
        before: { reference: source.reference },
        after: { mergedInto: target.reference, movedMessages: moved },
      });
      return { target: (await this.repo.find(target.id))!, moved };
    });
  }

  async unmerge(sourceId: string, actor: Actor): Promise<{ restored: Ticket; movedBack: number }> {
    return this.db.transaction(async () => {
      const source = await this.repo.lockExisting(sourceId);
      if (!source.mergedIntoId) throw new TicketNotMerged(source.reference);
      const target = await this.repo.lock(source.mergedIntoId);
      const movedBack = target ? await this.repo.moveMessagesBack(source.id, target.id) : 0;
      await this.repo.update(source.id, { mergedIntoId: null });
      if (target)
        await this.events.record(target.id, 'unmerged_out', actor.label, { to: source.reference, toId: source.id, messages: movedBack });
      await this.events.record(source.id, 'unmerged', actor.label, { from: target?.reference ?? '', fromId: source.mergedIntoId });
      await this.audit.execute({
        actor,
        action: 'ticket.unmerged',
        objectType: 'ticket',
        objectId: source.id,
        before: { mergedInto: target?.reference ?? null },
        after: { reference: source.reference, movedBackMessages: movedBack },
      });
      return { restored: (await this.repo.find(source.id))!, movedBack };
    });
  }
}

import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { NotFound, ValidationFailed } from '@platform/errors';

import { ConsumerRepository } from './consumer.repository';
import { moveInQueue, moveToPosition, reorderQueue } from './consumer-rules';
import { type QueueItem, toQueueItem } from './get-onboarding-queue.use-case';
import { ServiceCatalogue } from './service-catalogue';

/** Changes the order in which KS will connect consumers. */
@Injectable()
export class ReorderOnboardingQueue {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly audit: RecordAudit,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  /** The listed items take, in this order, the places they hold between them now. */
  async execute(ids: string[], actor: Actor): Promise<QueueItem[]> {
    if (!Array.isArray(ids) || !ids.length) throw new ValidationFailed([{ field: 'ids', message: 'must list at least one queue item' }]);
    const duplicates = ids
      .map((id, i) => (ids.indexOf(id) !== i ? { field: `ids[${i}]`, message: 'is listed twice' } : null))
      .filter((e) => e !== null);
    if (duplicates.length) throw new ValidationFailed(duplicates);
    return this.reorder(actor, (queue) => {
      const known = new Set(queue.map((q) => q.id));
      const unknown = ids
        .map((id, i) => (known.has(id) ? null : { field: `ids[${i}]`, message: 'is not in the onboarding queue' }))
        .filter((e) => e !== null);
      if (unknown.length) throw new ValidationFailed(unknown);
      return reorderQueue(
        queue.map((q) => q.id),
        ids,
      );
    });
  }

  /** One place up or down among the items at the same step. */
  async move(id: string, direction: 'up' | 'down', actor: Actor): Promise<QueueItem[]> {
    if (direction !== 'up' && direction !== 'down') throw new ValidationFailed([{ field: 'direction', message: 'must be up or down' }]);
    return this.reorder(actor, (queue) => {
      if (!queue.some((q) => q.id === id)) throw new NotFound('The queue item', 'queue_item_not_found');
      return moveInQueue(
        queue.map((q) => ({ id: q.id, step: q.onboardingStep })),
        id,
        direction,
      );
    });
  }

  /** "Flytt til plass N": straight to a place in the whole queue; the queue is renumbered in one transaction. */
  async moveTo(id: string, position: number, actor: Actor): Promise<QueueItem[]> {
    if (!Number.isInteger(position) || position < 1)
      throw new ValidationFailed([{ field: 'position', message: 'must be a whole number from 1' }]);
    return this.reorder(actor, (queue) => {
      if (!queue.some((q) => q.id === id)) throw new NotFound('The queue item', 'queue_item_not_found');
      return moveToPosition(
        queue.map((q) => q.id),
        id,
        position,
      );
    });
  }

  private reorder(actor: Actor, order: (queue: Awaited<ReturnType<ConsumerRepository['queue']>>) => string[]): Promise<QueueItem[]> {
    return this.db.transaction(async () => {
      await this.repo.lockQueue();
      const queue = await this.repo.queue();
      const before = queue.map((q) => q.id);
      const after = order(queue);
      const resources = await this.catalogue.altinnResources([...new Set(queue.map((q) => q.serviceCode))]);
      if (before.join() === after.join()) return queue.map((s, i) => toQueueItem(s, i + 1, resources));
      await this.repo.setQueuePositions(
        after,
        after.map((_, i) => i + 1),
      );
      const byId = new Map(queue.map((q) => [q.id, q]));
      const describe = (ids: string[]) => ids.map((id) => `${byId.get(id)!.consumer!.name} – ${byId.get(id)!.serviceCode}`);
      await this.audit.execute({
        actor,
        action: 'onboarding.queue_reordered',
        objectType: 'onboarding_queue',
        objectId: null,
        before: describe(before),
        after: describe(after),
      });
      return after.map((id, i) => toQueueItem(byId.get(id)!, i + 1, resources));
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@platform/database';

import type { DomainEvent, DomainEventStatus } from './domain-event.entity';
import { DomainEventRepository, type DomainEventSort } from './domain-event.repository';

export type { DomainEventSort } from './domain-event.repository';

/** What staff see of the reactions between contexts: which are waiting, done or given up on. */
@Injectable()
export class ListDomainEvents {
  constructor(private readonly events: DomainEventRepository) {}

  page(filter: { status?: DomainEventStatus }, req: PageRequest<DomainEventSort>): Promise<Page<DomainEvent>> {
    return this.events.page(filter, req);
  }

  /** Counts per status, for the filter and the overview. */
  counts(): Promise<Record<DomainEventStatus, number>> {
    return this.events.counts();
  }

  /** Queues a failed event for one more attempt now; returns what it was, or null when it had not failed. */
  retry(id: string): Promise<Pick<DomainEvent, 'type' | 'attempts' | 'lastError'> | null> {
    return this.events.retryNow(id);
  }
}

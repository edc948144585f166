import type { OwnershipCheck, Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { DomainException } from '@platform/errors';

import { TicketNotFound } from './support.exceptions';
import { TicketRepository } from './ticket.repository';

/** A ticket belongs to the consumer it was opened for; staff own none (they reach all by their role). */
@Injectable()
export class TicketOwnership implements OwnershipCheck {
  constructor(private readonly tickets: TicketRepository) {}

  async owned(principal: Principal, ids: ReadonlySet<string>): Promise<ReadonlySet<string>> {
    return principal.kind === 'consumer' ? this.tickets.ownedBy(principal.consumerId, [...ids]) : new Set();
  }

  notFound(): DomainException {
    return new TicketNotFound();
  }
}

import type { OwnershipCheck, Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { DomainException } from '@platform/errors';

import { ConsumerNotFound } from './consumers.exceptions';

/** A consumer owns itself, and nothing of the registry beyond; staff own no consumer. */
@Injectable()
export class ConsumerOwnership implements OwnershipCheck {
  owned(principal: Principal, ids: ReadonlySet<string>): Promise<ReadonlySet<string>> {
    return Promise.resolve(
      principal.kind === 'consumer' && ids.has(principal.consumerId) ? new Set([principal.consumerId]) : new Set<string>(),
    );
  }

  notFound(): DomainException {
    return new ConsumerNotFound();
  }
}

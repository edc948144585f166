import { RecordAudit } from '@domain/audit';
import { actorOf, type ConsumerPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ChangeRequestRepository } from './change-request.repository';
import { ChangeRequestQueries } from './change-request-queries.use-case';
import { ChangeRequestThread } from './change-request-thread';
import { ChangeRequestNotFound, OwnChangeRequest } from './change-requests.exceptions';
import { checkChangeRequestText, cleanText } from './submit-change-request.use-case';

export interface SupportResult {
  /** The request supported: a merged one's survivor. */
  id: string;
  reference: string;
  /** False when the consumer already supported it (nothing changed). */
  added: boolean;
}

/**
 * "We need this too": a consumer with access to the service adds its support and use case, once.
 * On a request already forwarded, Skatteetaten hears of it in the same thread.
 */
@Injectable()
export class SupportChangeRequest {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ChangeRequestRepository,
    private readonly queries: ChangeRequestQueries,
    private readonly thread: ChangeRequestThread,
    private readonly audit: RecordAudit,
  ) {}

  async execute(me: ConsumerPrincipal, id: string, useCase: string): Promise<SupportResult> {
    const errors = checkChangeRequestText({ useCase });
    if (errors.length) throw new ValidationFailed(errors);
    const request = await this.queries.visible(id, me);
    const actor = actorOf(me);
    return this.db.transaction(async () => {
      // A duplicate's supporters belong to the request it was merged into, also when the merge
      // committed while this call waited for the lock.
      let locked = await this.repo.lock(request.id);
      for (let hops = 0; locked?.mergedIntoId && hops < 10; hops++) locked = await this.repo.lock(locked.mergedIntoId);
      if (!locked) throw new ChangeRequestNotFound();
      if (locked.submitterConsumerId === me.consumerId) throw new OwnChangeRequest(locked.reference);
      // A submitter of a duplicate merged in is already behind it: nothing to add either.
      const existing = await this.repo.supportOf(locked.id, me.consumerId);
      const support = { consumerId: me.consumerId, useCase: cleanText(useCase) };
      const added =
        !existing &&
        (await this.repo.insertSupportOnce({ changeRequestId: locked.id, kind: 'supported', addedBy: actor.label, ...support }));
      if (added) {
        await this.thread.supportersJoined(locked, [support]);
        await this.audit.execute({
          actor,
          action: 'change_request.supported',
          objectType: 'change_request',
          objectId: locked.id,
          after: { reference: locked.reference },
        });
      }
      return { id: locked.id, reference: locked.reference, added };
    });
  }
}

import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ChangeRequest } from './change-request.entity';
import { ChangeRequestRepository } from './change-request.repository';
import { ChangeRequestThread } from './change-request-thread';
import { ChangeRequestNotFound, MergeRefused, NotMerged } from './change-requests.exceptions';
import { mergeRefusal, supportsToMove } from './rules/change-request-rules';

/**
 * Folds a duplicate into another request: its supporters move over (a consumer behind both keeps
 * one support), the duplicate stays as a pointer. Undoing moves exactly the moved supports back.
 */
@Injectable()
export class MergeChangeRequests {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ChangeRequestRepository,
    private readonly thread: ChangeRequestThread,
    private readonly audit: RecordAudit,
  ) {}

  async merge(duplicateId: string, survivorId: string, actor: Actor): Promise<{ survivor: ChangeRequest; moved: number }> {
    return this.db.transaction(async () => {
      // Lock in id order so two opposite merges cannot deadlock.
      const locked = new Map<string, ChangeRequest | null>();
      for (const id of [...new Set([duplicateId, survivorId])].sort()) locked.set(id, await this.repo.lock(id));
      const duplicate = locked.get(duplicateId);
      const survivor = locked.get(survivorId);
      if (!duplicate || !survivor) throw new ChangeRequestNotFound();
      const refusal = mergeRefusal(duplicate, survivor);
      if (refusal) throw new MergeRefused(refusal);
      const supports = await this.repo.supportsOf([duplicate.id, survivor.id]);
      const moving = supportsToMove(
        supports.filter((s) => s.changeRequestId === duplicate.id),
        supports.filter((s) => s.changeRequestId === survivor.id),
      );
      await this.repo.moveSupports(
        moving.map((s) => s.id),
        survivor.id,
        duplicate.id,
      );
      await this.repo.update(duplicate.id, { mergedIntoId: survivor.id });
      // A survivor already with Skatteetaten: the consumers who came with the duplicate are news in its thread.
      await this.thread.supportersJoined(survivor, moving);
      await this.audit.execute({
        actor,
        action: 'change_request.merged',
        objectType: 'change_request',
        objectId: duplicate.id,
        before: { reference: duplicate.reference },
        after: { mergedInto: survivor.reference, movedSupporters: moving.map((s) => s.consumerId) },
      });
      return { survivor: (await this.repo.find(survivor.id))!, moved: moving.length };
    });
  }

  async unmerge(duplicateId: string, actor: Actor): Promise<{ restored: ChangeRequest; movedBack: number }> {
    return this.db.transaction(async () => {
      const duplicate = await this.repo.lock(duplicateId);
      if (!duplicate) throw new ChangeRequestNotFound();
      if (!duplicate.mergedIntoId) throw new NotMerged(duplicate.reference);
      const survivor = await this.repo.lock(duplicate.mergedIntoId);
      const moved = survivor ? await this.repo.movedFrom(duplicate.id, survivor.id) : [];
      await this.repo.moveSupports(
        moved.map((s) => s.id),
        duplicate.id,
        null,
      );
      await this.repo.update(duplicate.id, { mergedIntoId: null });
      await this.audit.execute({
        actor,
        action: 'change_request.unmerged',
        objectType: 'change_request',
        objectId: duplicate.id,
        before: { mergedInto: survivor?.reference ?? null },
        after: { reference: duplicate.reference, movedBackSupporters: moved.map((s) => s.consumerId) },
      });
      return { restored: (await this.repo.find(duplicate.id))!, movedBack: moved.length };
    });
  }
}

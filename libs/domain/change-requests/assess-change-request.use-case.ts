import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { type FieldError, ValidationFailed } from '@platform/errors';

import { ChangeRequest } from './change-request.entity';
import { ChangeRequestRepository } from './change-request.repository';
import { ChangeRequestOutcome } from './change-request-outcome';
import { ChangeRequestMerged, ChangeRequestNotFound, StatusChangeRefused } from './change-requests.exceptions';
import {
  canSetStatus,
  CHANGE_REQUEST_PRIORITIES,
  CHANGE_REQUEST_STATUSES,
  type ChangeRequestPriority,
  type ChangeRequestStatus,
} from './rules/change-request-rules';
import { cleanText } from './submit-change-request.use-case';

export interface AssessmentInput {
  status?: ChangeRequestStatus;
  /** null clears it. */
  priority?: ChangeRequestPriority | null;
  isPublic?: boolean;
  /** Required when declining: KS's reason, told to every supporter. */
  message?: string;
}

/** KS's assessment: status (never forwarded or answered by hand), priority, and whether every consumer may read the texts. */
@Injectable()
export class AssessChangeRequest {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ChangeRequestRepository,
    private readonly outcome: ChangeRequestOutcome,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, input: AssessmentInput, actor: Actor): Promise<{ request: ChangeRequest; notified: number }> {
    const errors: FieldError[] = [];
    if (input.status !== undefined && !CHANGE_REQUEST_STATUSES.includes(input.status))
      errors.push({ field: 'status', message: `must be one of ${CHANGE_REQUEST_STATUSES.join(', ')}` });
    if (input.priority != null && !CHANGE_REQUEST_PRIORITIES.includes(input.priority))
      errors.push({ field: 'priority', message: `must be one of ${CHANGE_REQUEST_PRIORITIES.join(', ')}` });
    const message = cleanText(input.message ?? '');
    if (message.length > 10_000) errors.push({ field: 'message', message: 'must be at most 10000 characters' });
    if (errors.length) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      const request = await this.repo.lock(id);
      if (!request) throw new ChangeRequestNotFound();
      if (request.mergedIntoId)
        throw new ChangeRequestMerged(request.reference, (await this.repo.find(request.mergedIntoId))?.reference ?? '');
      const status = input.status ?? request.status;
      if (!canSetStatus(request.status, status)) throw new StatusChangeRefused(request.status, status);
      const declining = status === 'declined' && request.status !== 'declined';
      if (declining && !message)
        throw new ValidationFailed([{ field: 'message', message: 'must give the supporters the reason for declining' }]);
      const patch: Partial<ChangeRequest> = {
        status,
        priority: input.priority === undefined ? request.priority : input.priority,
        isPublic: input.isPublic ?? request.isPublic,
        ...(declining ? { answer: message, answeredAt: new Date() } : {}),
      };
      await this.repo.update(request.id, patch);
      const notified = declining ? await this.outcome.notify(request, { answered: false, message }) : 0;
      await this.audit.execute({
        actor,
        action: 'change_request.assessed',
        objectType: 'change_request',
        objectId: request.id,
        before: { status: request.status, priority: request.priority, isPublic: request.isPublic },
        after: { status: patch.status, priority: patch.priority, isPublic: patch.isPublic, ...(declining ? { message, notified } : {}) },
      });
      return { request: (await this.repo.find(request.id))!, notified };
    });
  }
}

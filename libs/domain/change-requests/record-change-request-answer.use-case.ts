import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { ChangeRequest } from './change-request.entity';
import { ChangeRequestRepository } from './change-request.repository';
import { ChangeRequestOutcome } from './change-request-outcome';
import { ChangeRequestNotFound, NotForwarded } from './change-requests.exceptions';
import { canRecordAnswer } from './rules/change-request-rules';
import { cleanText } from './submit-change-request.use-case';

/** Skatteetaten's answer to a forwarded request: recorded, and every supporter's contacts are told once. */
@Injectable()
export class RecordChangeRequestAnswer {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ChangeRequestRepository,
    private readonly outcome: ChangeRequestOutcome,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, input: { answer: string }, actor: Actor): Promise<{ request: ChangeRequest; notified: number }> {
    const answer = cleanText(typeof input.answer === 'string' ? input.answer : '');
    if (!answer) throw new ValidationFailed([{ field: 'answer', message: "must give Skatteetaten's answer for the supporters" }]);
    if (answer.length > 10_000) throw new ValidationFailed([{ field: 'answer', message: 'must be at most 10000 characters' }]);
    return this.db.transaction(async () => {
      const request = await this.repo.lock(id);
      if (!request) throw new ChangeRequestNotFound();
      if (!canRecordAnswer(request.status)) throw new NotForwarded(request.reference);
      await this.repo.update(request.id, { status: 'answered', answer, answeredAt: new Date() });
      // Dedupe keys make a corrected answer no second e-mail: supporters hear of the outcome once.
      const notified = await this.outcome.notify(request, { answered: true, message: answer });
      await this.audit.execute({
        actor,
        action: 'change_request.answered',
        objectType: 'change_request',
        objectId: request.id,
        before: { status: request.status, answer: request.answer },
        after: { status: 'answered', answer, notified },
      });
      return { request: (await this.repo.find(request.id))!, notified };
    });
  }
}

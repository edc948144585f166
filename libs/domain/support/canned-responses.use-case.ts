import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { type FieldError, ValidationFailed } from '@platform/errors';

import type { CannedResponse } from './canned-response.entity';
import { CannedResponseRepository } from './canned-response.repository';
import { cannedResponseVersion } from './canned-response.view';
import { unknownPlaceholders } from './rules/placeholders';
import { TICKET_STATUSES, type TicketStatus } from './rules/ticket-rules';
import { CannedResponseChangedMeanwhile, CannedResponseNotFound, UnknownPlaceholders } from './support.exceptions';
import { cleanTicketText } from './ticket-text';

export interface CannedResponseInput {
  title: string;
  body: string;
  /** A macro also sets this status. */
  setStatus?: TicketStatus | null;
}

/** Staff keep the canned responses and macros: create, change, delete, list. */
@Injectable()
export class ManageCannedResponses {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: CannedResponseRepository,
    private readonly audit: RecordAudit,
  ) {}

  list(): Promise<CannedResponse[]> {
    return this.repo.list();
  }

  async get(id: string): Promise<CannedResponse> {
    const found = await this.repo.find(id);
    if (!found) throw new CannedResponseNotFound();
    return found;
  }

  /**
   * Creates one, or changes the one with `id`. Unknown placeholders are refused, naming them. With
   * `expectedVersions` (the versions the editor read, see cannedResponseVersion), a response
   * changed by someone else since is refused rather than overwritten.
   */
  async save(id: string | null, input: CannedResponseInput, actor: Actor, expectedVersions?: readonly string[]): Promise<CannedResponse> {
    const title = cleanTicketText(input.title ?? '');
    const body = cleanTicketText(input.body ?? '');
    const errors: FieldError[] = [];
    if (!title || title.length > 200) errors.push({ field: 'title', message: 'must be 1 to 200 characters' });
    if (!body || body.length > 10_000) errors.push({ field: 'body', message: 'must be 1 to 10000 characters' });
    if (input.setStatus && !(TICKET_STATUSES as readonly string[]).includes(input.setStatus))
      errors.push({ field: 'setStatus', message: `must be one of ${TICKET_STATUSES.join(', ')}` });
    if (errors.length) throw new ValidationFailed(errors);
    const unknown = unknownPlaceholders(body);
    if (unknown.length) throw new UnknownPlaceholders(unknown);
    return this.db.transaction(async () => {
      if (id) {
        const stored = await this.repo.lock(id);
        if (!stored) throw new CannedResponseNotFound();
        if (expectedVersions && !expectedVersions.includes(cannedResponseVersion(stored))) throw new CannedResponseChangedMeanwhile();
      }
      const saved = await this.repo.save({
        ...(id ? { id } : {}),
        title,
        body,
        setStatus: input.setStatus ?? null,
        updatedBy: actor.label,
      });
      await this.audit.execute({
        actor,
        action: id ? 'canned_response.updated' : 'canned_response.created',
        objectType: 'canned_response',
        objectId: saved.id,
        after: { title, setStatus: saved.setStatus },
      });
      return saved;
    });
  }

  async delete(id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      const found = await this.repo.find(id);
      if (!found || !(await this.repo.delete(id))) throw new CannedResponseNotFound();
      await this.audit.execute({
        actor,
        action: 'canned_response.deleted',
        objectType: 'canned_response',
        objectId: id,
        before: { title: found.title },
      });
    });
  }
}

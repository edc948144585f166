import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { KnownServices } from './known-services';
import { NoticeRepository } from './notice.repository';
import { type NoticeView, toNoticeView } from './notice.views';
import { normaliseNotice, type NoticeInput } from './rules/notice-input';

/** A new draft notice. Every field is checked before anything is stored. */
@Injectable()
export class CreateNotice {
  constructor(
    private readonly db: DatabaseContext,
    private readonly notices: NoticeRepository,
    private readonly known: KnownServices,
    private readonly audit: RecordAudit,
  ) {}

  async execute(input: NoticeInput, actor: Actor, source: string | null = null): Promise<NoticeView> {
    const effective = input.effectiveAt ? new Date(input.effectiveAt) : null;
    const { content, errors } = normaliseNotice(input, await this.known.codes(effective), new Date());
    if (!content) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      const notice = await this.notices.insert({ ...content, status: 'draft', source, createdBy: actor.label });
      await this.audit.execute({
        actor,
        action: 'notice.created',
        objectType: 'notice',
        objectId: notice.id,
        after: { title: content.title, kind: content.kind, services: content.services, environments: content.environments, source },
      });
      return toNoticeView(notice);
    });
  }
}

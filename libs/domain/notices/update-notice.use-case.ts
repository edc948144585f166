import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { KnownServices } from './known-services';
import { NoticeRepository } from './notice.repository';
import { type NoticeView, toNoticeView } from './notice.views';
import { NoticeChangedMeanwhile, NoticeNotEditable, NoticeNotFound } from './notices.exceptions';
import { normaliseNotice, type NoticeInput } from './rules/notice-input';

/** Replaces the content of a draft or scheduled notice; a sent or withdrawn one is history. */
@Injectable()
export class UpdateNotice {
  constructor(
    private readonly db: DatabaseContext,
    private readonly notices: NoticeRepository,
    private readonly known: KnownServices,
    private readonly audit: RecordAudit,
  ) {}

  /** With `expectedVersions` (the notice's versions the editor accepts), a notice changed by someone else since is refused. */
  async execute(id: string, input: NoticeInput, actor: Actor, expectedVersions?: readonly string[]): Promise<NoticeView> {
    const effective = input.effectiveAt ? new Date(input.effectiveAt) : null;
    const { content, errors } = normaliseNotice(input, await this.known.codes(effective), new Date());
    return this.db.transaction(async () => {
      const notice = await this.notices.lock(id);
      if (!notice) throw new NoticeNotFound();
      if (notice.status !== 'draft' && notice.status !== 'scheduled') throw new NoticeNotEditable(notice.status);
      if (expectedVersions && !expectedVersions.includes(toNoticeView(notice).version)) throw new NoticeChangedMeanwhile();
      if (!content) throw new ValidationFailed(errors);
      // A scheduled notice announces the change ahead of it: it may not take effect before it is sent.
      if (notice.status === 'scheduled' && notice.scheduledAt && content.effectiveAt.getTime() <= notice.scheduledAt.getTime())
        throw new ValidationFailed([{ field: 'effectiveAt', message: 'must be after the scheduled send time' }]);
      await this.notices.update(id, { ...content, links: content.links as never });
      await this.audit.execute({
        actor,
        action: 'notice.updated',
        objectType: 'notice',
        objectId: id,
        before: { title: notice.title, services: notice.services, environments: notice.environments, effectiveAt: notice.effectiveAt },
        after: { title: content.title, services: content.services, environments: content.environments, effectiveAt: content.effectiveAt },
      });
      return toNoticeView((await this.notices.find(id))!);
    });
  }
}

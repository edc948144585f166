import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { NoticeRepository } from './notice.repository';
import { type NoticeView, toNoticeView } from './notice.views';
import { NoticeAudience } from './notice-audience';
import { NoticeHasNoRecipients, NoticeNotEditable, NoticeNotFound } from './notices.exceptions';

/** Schedules a draft for the worker to send at `at` (in the future, before the effective date); null puts it back to draft. */
@Injectable()
export class ScheduleNotice {
  constructor(
    private readonly db: DatabaseContext,
    private readonly notices: NoticeRepository,
    private readonly audience: NoticeAudience,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, at: Date | null, actor: Actor, now: Date = new Date()): Promise<NoticeView> {
    return this.db.transaction(async () => {
      const notice = await this.notices.lock(id);
      if (!notice) throw new NoticeNotFound();
      if (notice.status !== 'draft' && notice.status !== 'scheduled') throw new NoticeNotEditable(notice.status);
      if (at) {
        if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime())
          throw new ValidationFailed([{ field: 'sendAt', message: 'must be in the future' }]);
        if (at.getTime() >= notice.effectiveAt.getTime())
          throw new ValidationFailed([{ field: 'sendAt', message: 'must be before the effective date' }]);
        if (!(await this.audience.of(notice)).length) throw new NoticeHasNoRecipients();
      }
      const status = at ? 'scheduled' : 'draft';
      await this.notices.update(id, { status, scheduledAt: at });
      await this.audit.execute({
        actor,
        action: at ? 'notice.scheduled' : 'notice.unscheduled',
        objectType: 'notice',
        objectId: id,
        before: { status: notice.status, scheduledAt: notice.scheduledAt },
        after: { status, scheduledAt: at },
      });
      return toNoticeView((await this.notices.find(id))!);
    });
  }
}

import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { NOTICE_WITHDRAWN_MAIL } from './mail/notice-withdrawn.mail';
import { NoticeRepository } from './notice.repository';
import { type NoticeView, toNoticeView } from './notice.views';
import { NoticeNotFound } from './notices.exceptions';

/**
 * Withdraws a notice. A sent one is withdrawn towards the same recipients, each told once; a
 * draft or scheduled one simply never goes out. Withdrawing again changes nothing.
 */
@Injectable()
export class WithdrawNotice {
  constructor(
    private readonly db: DatabaseContext,
    private readonly notices: NoticeRepository,
    private readonly email: EnqueueEmail,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, actor: Actor, now: Date = new Date()): Promise<NoticeView & { notified: number }> {
    return this.db.transaction(async () => {
      const notice = await this.notices.lock(id);
      if (!notice) throw new NoticeNotFound();
      if (notice.status === 'withdrawn') return { ...toNoticeView(notice), notified: 0 };
      let notified = 0;
      if (notice.status === 'sent') {
        for (const r of await this.notices.recipients(id)) {
          // Keyed by address: one answering for several consumers has one thread, so one withdrawal.
          const { created } = await this.email.execute({
            template: NOTICE_WITHDRAWN_MAIL,
            to: [r.email],
            inReplyTo: r.messageId,
            references: [r.messageId],
            dedupeKey: `notice-withdrawn:${id}:${r.email}`,
            related: { type: 'notice', id },
            data: { name: r.name, title: notice.title, sentAt: notice.sentAt ?? now },
          });
          if (created) notified++;
        }
      }
      await this.notices.update(id, { status: 'withdrawn', withdrawnAt: now });
      await this.audit.execute({
        actor,
        action: 'notice.withdrawn',
        objectType: 'notice',
        objectId: id,
        before: { status: notice.status },
        after: { status: 'withdrawn', notified },
      });
      return { ...toNoticeView((await this.notices.find(id))!), notified };
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { NOTICE_REMINDER_MAIL } from './mail/notice-reminder.mail';
import { NoticeRepository } from './notice.repository';
import { KINDS_NEEDING_WORK } from './rules/notice-input';
import { dueReminder, wholeDaysLeft } from './rules/reminders';

/**
 * The worker's pass: reminds each recipient not yet ready of a notice that asks for work, at
 * the configured lead times before the effective date, once each (a unique row per recipient
 * and lead time, written with its e-mail in one transaction). `now` is the caller's clock.
 */
@Injectable()
export class SendNoticeReminders {
  constructor(
    private readonly db: DatabaseContext,
    private readonly notices: NoticeRepository,
    private readonly email: EnqueueEmail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(now: Date = new Date()): Promise<number> {
    const days = this.config.notices.reminderDays;
    if (!days.length) return 0;
    let sent = 0;
    for (const notice of await this.notices.awaitingReadiness(now, KINDS_NEEDING_WORK)) {
      for (const { recipient, reminded } of await this.notices.notReady(notice.id)) {
        const due = dueReminder(notice.effectiveAt, now, days, reminded, notice.sentAt);
        if (due === null) continue;
        await this.db.transaction(async () => {
          const fresh = await this.notices.lockRecipient(recipient.id);
          if (!fresh || fresh.readyAt) return;
          const inserted = await this.notices.insertReminderOnce({
            noticeId: notice.id,
            recipientId: recipient.id,
            email: recipient.email,
            consumerName: recipient.consumerName,
            daysBefore: due,
          });
          if (!inserted) return;
          await this.email.execute({
            template: NOTICE_REMINDER_MAIL,
            to: [recipient.email],
            // In the thread of the notice it reminds of.
            inReplyTo: recipient.messageId,
            references: [recipient.messageId],
            dedupeKey: `notice-reminder:${recipient.id}:${due}`,
            related: { type: 'notice', id: notice.id },
            data: {
              name: recipient.name,
              title: notice.title,
              consumerName: recipient.consumerName,
              effectiveAt: notice.effectiveAt,
              daysLeft: wholeDaysLeft(notice.effectiveAt, now),
              portalUrl: `${this.config.publicUrl}/portal/varsler/${notice.id}`,
            },
          });
          sent++;
        });
      }
    }
    return sent;
  }
}

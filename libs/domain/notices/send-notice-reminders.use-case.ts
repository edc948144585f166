import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { EnqueueEmail } from '@platform/mail';

import { NOTICE_REMINDER_MAIL } from './mail/notice-reminder.mail';
import type { Notice } from './notice.entity';
import { NoticeRepository } from './notice.repository';
import type { NoticeRecipient } from './notice-recipient.entity';
import { KINDS_NEEDING_WORK } from './rules/notice-input';
import { dueReminder, wholeDaysLeft } from './rules/reminders';

/**
 * The worker's pass: reminds each recipient not yet ready of a notice that asks for work, at
 * the configured lead times before the effective date, once each (a unique row per recipient
 * and lead time, written with its e-mail in one transaction). An address that is a contact for
 * several consumers gets one reminder naming those not ready. `now` is the caller's clock.
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
    const leadDays = this.config.notices.reminderDays;
    if (!leadDays.length) return 0;
    let sent = 0;
    for (const notice of await this.notices.awaitingReadiness(now, KINDS_NEEDING_WORK)) {
      // One e-mail per address and lead time, naming each of its consumers still not ready.
      const due = new Map<string, { days: number; recipients: NoticeRecipient[] }>();
      for (const { recipient, reminded } of await this.notices.notReady(notice.id)) {
        const days = dueReminder(notice.effectiveAt, now, leadDays, reminded, notice.sentAt);
        if (days === null) continue;
        const key = `${days}:${recipient.email}`;
        if (!due.has(key)) due.set(key, { days, recipients: [] });
        due.get(key)!.recipients.push(recipient);
      }
      for (const { days, recipients } of due.values()) if (await this.remind(notice, recipients, days, now)) sent++;
    }
    return sent;
  }

  /** Reminds one address of the consumers among `recipients` still not ready and not yet reminded at this lead time. */
  private async remind(notice: Notice, recipients: NoticeRecipient[], days: number, now: Date): Promise<boolean> {
    return this.db.transaction(async () => {
      // Withdrawn since the pass listed it: its recipients were told so and are not reminded. The
      // notice is locked before its recipients, as an acknowledgement locks them.
      if ((await this.notices.lock(notice.id))?.status !== 'sent') return false;
      const reminded: NoticeRecipient[] = [];
      for (const recipient of recipients) {
        const fresh = await this.notices.lockRecipient(recipient.id);
        if (!fresh || fresh.readyAt) continue;
        const inserted = await this.notices.insertReminderOnce({
          noticeId: notice.id,
          recipientId: fresh.id,
          email: fresh.email,
          consumerName: fresh.consumerName,
          daysBefore: days,
        });
        if (inserted) reminded.push(fresh);
      }
      if (!reminded.length) return false;
      const first = reminded[0];
      await this.email.execute({
        template: NOTICE_REMINDER_MAIL,
        to: [first.email],
        // In the thread of the notice it reminds of.
        inReplyTo: first.messageId,
        references: [first.messageId],
        // A reminder row is written once, so its first recipient names this e-mail once.
        dedupeKey: `notice-reminder:${first.id}:${days}`,
        related: { type: 'notice', id: notice.id },
        data: {
          name: first.name,
          title: notice.title,
          consumerNames: reminded.map((r) => r.consumerName).sort((a, b) => a.localeCompare(b, 'nb')),
          effectiveAt: notice.effectiveAt,
          daysLeft: wholeDaysLeft(notice.effectiveAt, now),
          portalUrl: `${this.config.publicUrl}/portal/varsler/${notice.id}`,
        },
      });
      return true;
    });
  }
}

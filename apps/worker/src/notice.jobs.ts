import { SendDueNotices, SendNoticeReminders } from '@domain/notices';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

/** Scheduled notices whose time has come, and reminders to those not yet ready for a change. */
@Injectable()
export class NoticeJobs {
  private readonly logger = new Logger(NoticeJobs.name);
  private sending = false;
  private reminding = false;

  constructor(
    private readonly due: SendDueNotices,
    private readonly reminders: SendNoticeReminders,
  ) {}

  @Interval(10_000)
  async sendDueNotices(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      const { sent, failed } = await this.due.execute();
      if (sent || failed) this.logger.log({ sent, failed }, 'scheduled notices');
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'sending scheduled notices failed');
    } finally {
      this.sending = false;
    }
  }

  @Interval(15 * 60_000)
  async remind(): Promise<void> {
    if (this.reminding) return;
    this.reminding = true;
    try {
      const sent = await this.reminders.execute();
      if (sent) this.logger.log(`Queued ${sent} notice reminder(s)`);
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'notice reminders failed');
    } finally {
      this.reminding = false;
    }
  }
}

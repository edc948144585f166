import { ExpireOperationalMessages, PollNoticeFeeds, SendDueNotices, SendNoticeReminders } from '@domain/notices';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

/**
 * Scheduled notices whose time has come, reminders to those not yet ready for a change, and
 * Skatteetaten's feeds (each read when NOTICE_FEED_POLL_SECONDS have passed since its last read).
 */
@Injectable()
export class NoticeJobs {
  private readonly logger = new Logger(NoticeJobs.name);
  private sending = false;
  private reminding = false;
  private polling = false;

  constructor(
    private readonly due: SendDueNotices,
    private readonly reminders: SendNoticeReminders,
    private readonly feeds: PollNoticeFeeds,
    private readonly expire: ExpireOperationalMessages,
  ) {}

  /** Ticks often; PollNoticeFeeds claims only the feeds that are due, so the interval is the configured one. */
  @Interval(10_000)
  async pollFeeds(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const expired = await this.expire.execute();
      if (expired) this.logger.log(`Ended ${expired} operational message(s) past their maximum age`);
      // A failing feed is logged (and recorded on the feed) by the use case.
      for (const r of await this.feeds.execute())
        if (!r.error && (r.added || r.messagesEnded))
          this.logger.log(
            { feedId: r.feedId, added: r.added, notices: r.notices, started: r.messagesStarted, ended: r.messagesEnded },
            'feed read',
          );
    } catch (e) {
      this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'reading feeds failed');
    } finally {
      this.polling = false;
    }
  }

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

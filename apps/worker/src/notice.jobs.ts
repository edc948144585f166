import { ExpireOperationalMessages, PollNoticeFeeds, SendDueNotices, SendNoticeReminders } from '@domain/notices';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

import { JobRounds } from './job-rounds';

/**
 * Scheduled notices whose time has come, reminders to those not yet ready for a change, and
 * Skatteetaten's feeds (each read when NOTICE_FEED_POLL_SECONDS have passed since its last read).
 */
@Injectable()
export class NoticeJobs {
  private readonly logger = new Logger(NoticeJobs.name);
  private readonly rounds = new JobRounds(this.logger);

  constructor(
    private readonly due: SendDueNotices,
    private readonly reminders: SendNoticeReminders,
    private readonly feeds: PollNoticeFeeds,
    private readonly expire: ExpireOperationalMessages,
  ) {}

  /** Ticks often; PollNoticeFeeds claims only the feeds that are due, so the interval is the configured one. */
  @Interval(10_000)
  pollFeeds(): Promise<void> {
    return this.rounds.run('reading feeds', async () => {
      const expired = await this.expire.execute();
      if (expired) this.logger.log(`Ended ${expired} operational message(s) past their maximum age`);
      // A failing feed is logged (and recorded on the feed) by the use case.
      for (const r of await this.feeds.execute())
        if (!r.error && (r.added || r.messagesEnded))
          this.logger.log(
            { feedId: r.feedId, added: r.added, notices: r.notices, started: r.messagesStarted, ended: r.messagesEnded },
            'feed read',
          );
    });
  }

  @Interval(10_000)
  sendDueNotices(): Promise<void> {
    return this.rounds.run('sending scheduled notices', async () => {
      const { sent, failed } = await this.due.execute();
      if (sent || failed) this.logger.log({ sent, failed }, 'scheduled notices');
    });
  }

  @Interval(15 * 60_000)
  remind(): Promise<void> {
    return this.rounds.run('notice reminders', async () => {
      const sent = await this.reminders.execute();
      if (sent) this.logger.log(`Queued ${sent} notice reminder(s)`);
    });
  }
}

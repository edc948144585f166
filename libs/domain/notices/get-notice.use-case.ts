import { Injectable } from '@nestjs/common';
import { MAX_PAGE_NUMBER } from '@platform/database';
import { ListOutboxMessages } from '@platform/mail';

import type { NoticeStatus } from './notice.entity';
import { NoticeRepository } from './notice.repository';
import { audienceEntryOf, type NoticeDetail, type NoticeView, toNoticeView } from './notice.views';
import { NoticeFeedRepository } from './notice-feed.repository';
import type { NoticeOrigin } from './notice-feed.views';
import { NoticeNotFound } from './notices.exceptions';

/** A notice with its recipients (delivery, read, ready) and reminders log; and the paginated list. */
@Injectable()
export class GetNotice {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly feeds: NoticeFeedRepository,
    private readonly outbox: ListOutboxMessages,
  ) {}

  async execute(id: string): Promise<NoticeDetail> {
    const notice = await this.notices.find(id);
    if (!notice) throw new NoticeNotFound();
    const recipients = await this.notices.recipients(id);
    const delivery = new Map<string, string>();
    if (recipients.length)
      for (const m of await this.outbox.execute({ relatedType: 'notice', relatedId: id, limit: 100_000 }))
        delivery.set(m.messageId, m.status);
    return {
      ...toNoticeView(notice),
      origin: await this.origin(id),
      recipients: recipients.map((r) => ({
        id: r.id,
        ...audienceEntryOf(r),
        delivery: delivery.get(r.messageId) ?? 'pending',
        readAt: r.readAt,
        readyAt: r.readyAt,
      })),
      reminders: (await this.notices.reminders(id)).map((m) => ({
        email: m.email,
        consumerName: m.consumerName,
        daysBefore: m.daysBefore,
        sentAt: m.sentAt,
      })),
    };
  }

  private async origin(noticeId: string): Promise<NoticeOrigin | null> {
    const entry = await this.feeds.entryOfNotice(noticeId);
    const feed = entry && (await this.feeds.find(entry.feedId));
    if (!entry || !feed) return null;
    return { feedUrl: feed.url, feedTitle: feed.title, entryTitle: entry.title, entryLink: entry.link, services: entry.services };
  }

  async page(filter: {
    status?: NoticeStatus;
    page?: number;
    perPage?: number;
  }): Promise<{ items: NoticeView[]; total: number; page: number; perPage: number }> {
    const perPage = Math.min(Math.max(filter.perPage ?? 25, 1), 100);
    // A page number typed by hand (1e309, twenty digits) must still give a whole, finite offset.
    const page = Number.isSafeInteger(filter.page) && filter.page! >= 1 ? Math.min(filter.page!, MAX_PAGE_NUMBER) : 1;
    const { items, total } = await this.notices.page({ status: filter.status, limit: perPage, offset: (page - 1) * perPage });
    return { items: items.map(toNoticeView), total, page, perPage };
  }
}

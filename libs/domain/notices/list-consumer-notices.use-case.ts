import { Injectable } from '@nestjs/common';

import { NoticeRepository } from './notice.repository';
import { type NoticeView, toNoticeView } from './notice.views';
import { textsForRoles } from './rules/notice-input';

export interface ConsumerNoticeView extends NoticeView {
  /** The text for the organisation's contacts (the default, or the technical one when only technical contacts got it). */
  text: string;
  /** The other texts its contacts received, written for their role (technical, professional), as each role got it. */
  roleTexts: Array<{ role: string; text: string }>;
  readAt: Date | null;
  readyAt: Date | null;
}

/** For the portal: the sent (and withdrawn) notices that reached a consumer, newest first, with its acknowledgement. */
@Injectable()
export class ListConsumerNotices {
  constructor(private readonly notices: NoticeRepository) {}

  async execute(consumerId: string): Promise<ConsumerNoticeView[]> {
    const mine = await this.notices.recipientsOfConsumer(consumerId);
    const notices = await this.notices.findNotices([...new Set(mine.map((r) => r.noticeId))]);
    return notices
      .map((n) => {
        const rs = mine.filter((r) => r.noticeId === n.id);
        return {
          ...toNoticeView(n),
          ...textsForRoles(
            n,
            rs.map((r) => r.role),
          ),
          readAt: rs.every((r) => r.readAt) ? rs.map((r) => r.readAt!).sort((a, b) => a.getTime() - b.getTime())[0] : null,
          readyAt: rs.find((r) => r.readyAt)?.readyAt ?? null,
        };
      })
      .sort((a, b) => (b.sentAt?.getTime() ?? 0) - (a.sentAt?.getTime() ?? 0));
  }
}

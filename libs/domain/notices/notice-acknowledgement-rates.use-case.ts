import { Injectable } from '@nestjs/common';

import { NoticeRepository } from './notice.repository';
import { needsWork } from './rules/notice-input';

/** One sent notice: how many consumers it reached and how many of them confirmed. */
export interface NoticeAcknowledgements {
  noticeId: string;
  title: string;
  sentAt: Date;
  consumers: number;
  read: number;
  /** Null when the notice asks for no work, so there is no "ready" to give. */
  ready: number | null;
}

/** How the latest sent notices were acknowledged, for the staff dashboards. */
@Injectable()
export class NoticeAcknowledgementRates {
  constructor(private readonly notices: NoticeRepository) {}

  /** The `limit` most recently sent notices, newest first. */
  async execute(limit: number): Promise<NoticeAcknowledgements[]> {
    return (await this.notices.lastSentAcknowledgements(limit)).map((n) => ({
      noticeId: n.id,
      title: n.title,
      sentAt: new Date(n.sent_at),
      consumers: n.consumers,
      read: n.read,
      ready: needsWork(n.kind) ? n.ready : null,
    }));
  }
}

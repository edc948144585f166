import { Injectable } from '@nestjs/common';

import { NoticeFeedRepository } from './notice-feed.repository';
import { type NoticeFeedView, toNoticeFeedView } from './notice-feed.views';
import { OperationalMessageRepository } from './operational-message.repository';
import { type OperationalMessageView, toOperationalMessageView } from './operational-message.views';

const RECENT_MESSAGES = 50;

/** The feeds staff subscribed to, with how each last went, and the operational messages (active first, then the latest ended). */
@Injectable()
export class ListNoticeFeeds {
  constructor(
    private readonly feeds: NoticeFeedRepository,
    private readonly messages: OperationalMessageRepository,
  ) {}

  async execute(): Promise<NoticeFeedView[]> {
    return (await this.feeds.all()).map(toNoticeFeedView);
  }

  async operationalMessages(): Promise<OperationalMessageView[]> {
    return (await this.messages.recent(RECENT_MESSAGES)).map(toOperationalMessageView);
  }
}

import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { NoticeFeedRepository } from './notice-feed.repository';
import { type NoticeFeedView, toNoticeFeedView } from './notice-feed.views';
import { NoticeFeedNotFound } from './notices.exceptions';

/** Stops or resumes reading a feed; what it brought stays. */
@Injectable()
export class SetNoticeFeedEnabled {
  constructor(
    private readonly db: DatabaseContext,
    private readonly feeds: NoticeFeedRepository,
    private readonly audit: RecordAudit,
  ) {}

  execute(id: string, enabled: boolean, actor: Actor): Promise<NoticeFeedView> {
    return this.db.transaction(async () => {
      const feed = await this.feeds.find(id);
      if (!feed) throw new NoticeFeedNotFound();
      if (feed.enabled !== enabled) {
        await this.feeds.update(id, { enabled });
        await this.audit.execute({
          actor,
          action: enabled ? 'notice-feed.enabled' : 'notice-feed.disabled',
          objectType: 'notice_feed',
          objectId: id,
          after: { enabled },
        });
      }
      return toNoticeFeedView({ ...feed, enabled });
    });
  }
}

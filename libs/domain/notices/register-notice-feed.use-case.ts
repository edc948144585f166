import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { NoticeFeedRepository } from './notice-feed.repository';
import { type NoticeFeedView, toNoticeFeedView } from './notice-feed.views';
import { NoticeFeedExists } from './notices.exceptions';
import { normaliseFeed } from './rules/feed-input';

/** Staff subscribe to one of Skatteetaten's feeds; the worker reads it from its next round. */
@Injectable()
export class RegisterNoticeFeed {
  constructor(
    private readonly db: DatabaseContext,
    private readonly feeds: NoticeFeedRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(input: { url?: unknown; kind?: unknown }, actor: Actor): Promise<NoticeFeedView> {
    const { content, errors } = normaliseFeed(input);
    if (!content) throw new ValidationFailed(errors);
    return this.db.transaction(async () => {
      if (await this.feeds.findByUrl(content.url)) throw new NoticeFeedExists();
      const feed = await this.feeds.insert({ ...content, enabled: true, createdBy: actor.label });
      await this.audit.execute({ actor, action: 'notice-feed.registered', objectType: 'notice_feed', objectId: feed.id, after: content });
      return toNoticeFeedView(feed);
    });
  }
}

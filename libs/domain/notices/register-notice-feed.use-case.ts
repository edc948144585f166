import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';

import { BlockedFeedAddress, FeedAddressGuard } from './feed-address-guard';
import { NoticeFeedRepository } from './notice-feed.repository';
import { type NoticeFeedView, toNoticeFeedView } from './notice-feed.views';
import { NoticeFeedExists } from './notices.exceptions';
import { normaliseFeed } from './rules/feed-input';

/** An admin subscribes to one of Skatteetaten's feeds; the worker reads it from its next round. */
@Injectable()
export class RegisterNoticeFeed {
  constructor(
    private readonly db: DatabaseContext,
    private readonly feeds: NoticeFeedRepository,
    private readonly audit: RecordAudit,
    private readonly guard: FeedAddressGuard,
  ) {}

  async execute(input: { url?: unknown; kind?: unknown }, actor: Actor): Promise<NoticeFeedView> {
    const { content, errors } = normaliseFeed(input);
    if (!content) throw new ValidationFailed(errors);
    await this.refuseLocal(content.url);
    return this.db.transaction(async () => {
      if (await this.feeds.findByUrl(content.url)) throw new NoticeFeedExists();
      const feed = await this.feeds.insert({ ...content, enabled: true, createdBy: actor.label });
      await this.audit.execute({ actor, action: 'notice-feed.registered', objectType: 'notice_feed', objectId: feed.id, after: content });
      return toNoticeFeedView(feed);
    });
  }

  /** Before anything is stored (and outside the transaction: DNS can be slow). Reading it checks again, at every connection. */
  private async refuseLocal(url: string): Promise<void> {
    try {
      await this.guard.assertAllowed(new URL(url));
    } catch (e) {
      if (!(e instanceof BlockedFeedAddress)) throw e;
      throw new ValidationFailed([
        {
          field: 'url',
          message: 'must not be a loopback, private, link-local or metadata address (unless NOTICE_FEED_ALLOWED_HOSTS names the host)',
        },
      ]);
    }
  }
}

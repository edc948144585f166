import { RecordAudit } from '@domain/audit';
import { FindServicesInForce } from '@domain/catalogue';
import { SYSTEM_ACTOR } from '@domain/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';

import { type FeedEntry, FeedFormatError, parseFeedDocument } from './feed-document';
import { FeedFetcher, FeedFetchError } from './feed-fetcher';
import type { Notice } from './notice.entity';
import { NoticeRepository } from './notice.repository';
import type { NoticeFeed } from './notice-feed.entity';
import { NoticeFeedRepository } from './notice-feed.repository';
import type { FeedPollResult } from './notice-feed.views';
import { NoticeFeedNotFound } from './notices.exceptions';
import { OperationalMessageRepository } from './operational-message.repository';
import { environmentsOfEntry, kindOfAnnouncement, saysResolved, type ServiceSignature, servicesOfEntry } from './rules/feed-entry';
import type { NoticeKind } from './rules/notice-input';

const DAY = 86_400_000;
const MAX_ERROR = 300;

/**
 * Reads Skatteetaten's feeds. Each entry is recorded once per feed (a unique key: a second read,
 * or a second worker at the same moment, adds nothing). An announcement becomes a draft notice
 * for the services it names; an operational message becomes an active message on its services
 * (which marks new reports there "known issue") and a draft operational notice staff can forward.
 * An operational message ends when its entry says it is resolved or leaves the feed. A feed that
 * fails records why and the others go on.
 */
@Injectable()
export class PollNoticeFeeds {
  private readonly logger = new Logger(PollNoticeFeeds.name);

  constructor(
    private readonly db: DatabaseContext,
    private readonly feeds: NoticeFeedRepository,
    private readonly notices: NoticeRepository,
    private readonly messages: OperationalMessageRepository,
    private readonly fetcher: FeedFetcher,
    private readonly catalogue: FindServicesInForce,
    private readonly audit: RecordAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every enabled feed not read within the poll interval (claimed, so two workers split them). */
  async execute(now: Date = new Date()): Promise<FeedPollResult[]> {
    const due = await this.feeds.claimDue(new Date(now.getTime() - this.config.notices.feedPollSeconds * 1000), now);
    const results: FeedPollResult[] = [];
    for (const feed of due) results.push(await this.read(feed, now));
    return results;
  }

  /** Reads one feed now, whatever its schedule (staff's «Les nå»). */
  async one(id: string, now: Date = new Date()): Promise<FeedPollResult> {
    const feed = await this.feeds.find(id);
    if (!feed) throw new NoticeFeedNotFound();
    await this.feeds.update(id, { lastPolledAt: now });
    return this.read(feed, now);
  }

  private async read(feed: NoticeFeed, now: Date): Promise<FeedPollResult> {
    const result: FeedPollResult = {
      feedId: feed.id,
      url: feed.url,
      added: 0,
      notices: 0,
      messagesStarted: 0,
      messagesEnded: 0,
      notModified: false,
      error: null,
    };
    try {
      const response = await this.fetcher.get(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
      if (response.status === 'not-modified') {
        await this.feeds.update(feed.id, { lastOkAt: now, lastError: null });
        return { ...result, notModified: true };
      }
      const parsed = parseFeedDocument(response.body, feed.url);
      const catalogue: ServiceSignature[] = await this.catalogue.all(now);
      return await this.db.transaction(async () => {
        for (const entry of parsed.entries) await this.take(feed, entry, catalogue, now, result);
        if (feed.kind === 'operational') await this.endGone(feed, parsed.entries, now, result);
        await this.feeds.update(feed.id, {
          title: parsed.title?.slice(0, 200) ?? feed.title,
          etag: response.etag,
          lastModified: response.lastModified,
          lastOkAt: now,
          lastError: null,
        });
        return result;
      });
    } catch (e) {
      const error = (
        e instanceof FeedFetchError || e instanceof FeedFormatError ? e.message : `failed: ${e instanceof Error ? e.message : String(e)}`
      ).slice(0, MAX_ERROR);
      this.logger.warn({ feedId: feed.id, err: error }, 'reading a feed failed');
      await this.feeds.update(feed.id, { lastError: error });
      return { ...result, error };
    }
  }

  private async take(feed: NoticeFeed, entry: FeedEntry, catalogue: ServiceSignature[], now: Date, result: FeedPollResult) {
    const services = servicesOfEntry(entry, catalogue);
    const entryId = await this.feeds.insertEntryOnce({
      feedId: feed.id,
      entryKey: entry.key,
      title: entry.title,
      link: entry.link,
      services,
      publishedAt: entry.publishedAt,
    });
    if (!entryId) return;
    result.added++;
    const codes = services.map((s) => s.code);
    if (feed.kind === 'announcements') {
      const notice = await this.draft(feed, entryId, entry, kindOfAnnouncement(entry), codes, now);
      await this.feeds.updateEntry(entryId, { noticeId: notice.id });
      result.notices++;
      return;
    }
    // An entry first seen already resolved is history: nothing to mark or forward.
    if (saysResolved(entry)) return;
    const startedAt = entry.publishedAt && entry.publishedAt.getTime() <= now.getTime() ? entry.publishedAt : now;
    const tooOld = now.getTime() - startedAt.getTime() > this.config.notices.operationalMessageMaxHours * 3_600_000;
    const message = codes.length
      ? await this.messages.insert({
          title: entry.title,
          link: entry.link,
          services: codes,
          environments: environmentsOfEntry(entry),
          startedAt,
          endedAt: tooOld ? now : null,
          endReason: tooOld ? 'expired' : null,
          feedEntryId: entryId,
          createdBy: SYSTEM_ACTOR.label,
        })
      : null;
    if (message && !tooOld) {
      result.messagesStarted++;
      await this.audit.execute({
        actor: SYSTEM_ACTOR,
        action: 'operational-message.started',
        objectType: 'operational_message',
        objectId: message.id,
        after: { title: message.title, services: message.services, environments: message.environments, feed: feed.url },
      });
    }
    const notice = await this.draft(feed, entryId, entry, 'operational-notice', codes, now);
    await this.feeds.updateEntry(entryId, { noticeId: notice.id, operationalMessageId: message?.id ?? null });
    result.notices++;
  }

  /** A draft for staff: unmapped entries too (no services; staff choose before sending). */
  private async draft(
    feed: NoticeFeed,
    entryId: string,
    entry: FeedEntry,
    kind: NoticeKind,
    services: string[],
    now: Date,
  ): Promise<Notice> {
    const source = `feed-entry:${entryId}`;
    const notice = await this.notices.insert({
      title: entry.title,
      kind,
      body: entry.summary || entry.title,
      technicalBody: null,
      professionalBody: null,
      services,
      environments: ['production', 'test'],
      entitlementPackages: [],
      serviceAreas: [],
      roles: [],
      // A date ahead to notify against; staff set the real one.
      effectiveAt: new Date(now.getTime() + DAY),
      links: entry.link ? [{ title: feed.title ?? entry.title, url: entry.link }] : [],
      status: 'draft',
      source,
      createdBy: SYSTEM_ACTOR.label,
    });
    await this.audit.execute({
      actor: SYSTEM_ACTOR,
      action: 'notice.created',
      objectType: 'notice',
      objectId: notice.id,
      after: { title: notice.title, kind, services, source, feed: feed.url, link: entry.link },
    });
    return notice;
  }

  /** Operational messages whose entry now says resolved, or is no longer in the feed, end. */
  private async endGone(feed: NoticeFeed, present: FeedEntry[], now: Date, result: FeedPollResult) {
    const byKey = new Map(present.map((e) => [e.key, e]));
    const entries = await this.feeds.entriesOf(feed.id);
    const active = await this.messages.activeOfEntries(entries.filter((e) => e.operationalMessageId).map((e) => e.id));
    for (const message of active) {
      const entry = entries.find((e) => e.id === message.feedEntryId)!;
      const current = byKey.get(entry.entryKey);
      const reason = !current ? 'removed' : saysResolved(current) ? 'resolved' : null;
      if (!reason || !(await this.messages.end(message.id, now, reason))) continue;
      result.messagesEnded++;
      await this.audit.execute({
        actor: SYSTEM_ACTOR,
        action: 'operational-message.ended',
        objectType: 'operational_message',
        objectId: message.id,
        after: { reason },
      });
    }
  }
}

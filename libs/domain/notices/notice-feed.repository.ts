import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { NoticeFeed } from './notice-feed.entity';
import { NoticeFeedEntry } from './notice-feed-entry.entity';

/** Feeds and the entries seen in them. */
@Injectable()
export class NoticeFeedRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(fields: Partial<NoticeFeed>): Promise<NoticeFeed> {
    return this.db.repository(NoticeFeed).save(this.db.repository(NoticeFeed).create(fields));
  }

  find(id: string): Promise<NoticeFeed | null> {
    return this.db.repository(NoticeFeed).findOneBy({ id });
  }

  findByUrl(url: string): Promise<NoticeFeed | null> {
    return this.db.repository(NoticeFeed).findOneBy({ url });
  }

  findByIds(ids: string[]): Promise<NoticeFeed[]> {
    return ids.length ? this.db.repository(NoticeFeed).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  all(): Promise<NoticeFeed[]> {
    return this.db.repository(NoticeFeed).find({ order: { kind: 'ASC', createdAt: 'ASC' } });
  }

  async update(id: string, changes: QueryDeepPartialEntity<NoticeFeed>): Promise<void> {
    await this.db.repository(NoticeFeed).update({ id }, changes);
  }

  /**
   * Claims the enabled feeds not read since `before` by stamping them read now: of two workers
   * polling at once, each feed goes to one of them.
   */
  async claimDue(before: Date, now: Date): Promise<NoticeFeed[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.db.manager.query(
      `UPDATE notice_feed SET last_polled_at = $2
       WHERE id IN (SELECT id FROM notice_feed WHERE enabled AND (last_polled_at IS NULL OR last_polled_at <= $1) FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [before, now],
    );
    return this.findByIds(rows.map((r) => r.id));
  }

  /** Records an entry once; null when this feed had it already (also when another worker recorded it a moment ago). */
  async insertEntryOnce(fields: Omit<NoticeFeedEntry, 'id' | 'firstSeenAt' | 'noticeId' | 'operationalMessageId'>): Promise<string | null> {
    const result = await this.db
      .repository(NoticeFeedEntry)
      .createQueryBuilder()
      .insert()
      .values(fields as never)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  async updateEntry(id: string, changes: QueryDeepPartialEntity<NoticeFeedEntry>): Promise<void> {
    await this.db.repository(NoticeFeedEntry).update({ id }, changes);
  }

  entriesOf(feedId: string): Promise<NoticeFeedEntry[]> {
    return this.db.repository(NoticeFeedEntry).find({ where: { feedId }, order: { firstSeenAt: 'DESC' } });
  }

  entryOfNotice(noticeId: string): Promise<NoticeFeedEntry | null> {
    return this.db.repository(NoticeFeedEntry).findOneBy({ noticeId });
  }

  entriesByIds(ids: string[]): Promise<NoticeFeedEntry[]> {
    return ids.length ? this.db.repository(NoticeFeedEntry).findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}

import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { FEED_KIND_VALUES } from './rules/feed-input';

export type FeedKind = (typeof FEED_KIND_VALUES)[number];

/**
 * A feed of Skatteetaten's the worker reads: announcements (the API documentation's releases and
 * commits on GitHub) become draft notices, operational messages (driftsmeldinger) mark reports
 * on the services they name as a known issue while they last.
 */
@Entity('notice_feed')
@Check('notice_feed_kind_check', `"kind" IN ('announcements', 'operational')`)
export class NoticeFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('notice_feed_url_key', { unique: true })
  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  kind: FeedKind;

  /** The feed's own title, from its last successful read. */
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Validators of the last read, sent back so an unchanged feed answers 304. */
  @Column({ type: 'text', nullable: true })
  etag: string | null;

  @Column({ name: 'last_modified', type: 'text', nullable: true })
  lastModified: string | null;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt: Date | null;

  @Column({ name: 'last_ok_at', type: 'timestamptz', nullable: true })
  lastOkAt: Date | null;

  /** Why the last read failed; null once a read succeeds. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

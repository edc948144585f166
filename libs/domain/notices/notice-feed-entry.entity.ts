import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An entry seen in a feed, once per feed and entry id (the unique key makes a second read, or a
 * second worker reading at the same time, add nothing), with what it became.
 */
@Entity('notice_feed_entry')
@Index('notice_feed_entry_key', ['feedId', 'entryKey'], { unique: true })
export class NoticeFeedEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'feed_id', type: 'uuid' })
  feedId: string;

  /** Atom id, RSS guid or link. */
  @Column({ name: 'entry_key', type: 'text' })
  entryKey: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** The catalogue services the entry was mapped to, with why. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  services: Array<{ code: string; reason: string }>;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'notice_id', type: 'uuid', nullable: true })
  noticeId: string | null;

  @Column({ name: 'operational_message_id', type: 'uuid', nullable: true })
  operationalMessageId: string | null;

  @CreateDateColumn({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt: Date;
}

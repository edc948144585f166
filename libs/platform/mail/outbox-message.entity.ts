import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One e-mail, written in the same transaction as the change that causes it. The Message-ID is
 * fixed at enqueue time, so a retry can never start a second thread.
 */
@Entity('outbox_message')
@Index('outbox_message_due_idx', ['status', 'nextAttemptAt'])
@Index('outbox_message_related_idx', ['relatedType', 'relatedId'])
@Index('outbox_message_sent_at_idx', ['sentAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('outbox_message_message_id_key', { unique: true })
  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  @Index('outbox_message_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ name: 'to_addresses', type: 'text', array: true })
  to: string[];

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'in_reply_to', type: 'text', nullable: true })
  inReplyTo: string | null;

  @Column({ name: 'references', type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  @Column({ name: 'related_type', type: 'text', nullable: true })
  relatedType: string | null;

  @Column({ name: 'related_id', type: 'text', nullable: true })
  relatedId: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** 'smtp', or 'local' when no SMTP server is configured and the admin mail view is the inbox. */
  @Column({ type: 'text', nullable: true })
  transport: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}

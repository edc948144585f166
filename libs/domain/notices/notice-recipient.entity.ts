import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Notice } from './notice.entity';

/**
 * One contact of one consumer a sent notice was written to, with their acknowledgement. An
 * address that is a contact for several consumers has a row for each, and they share its one
 * e-mail: its Message-ID and the token of its link (only the token's hash is kept).
 */
@Entity('notice_recipient')
@Index('notice_recipient_notice_consumer_email_key', ['noticeId', 'consumerId', 'email'], { unique: true })
@Index('notice_recipient_consumer_idx', ['consumerId'])
export class NoticeRecipient {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne(() => Notice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'notice_recipient_notice_fk' })
  notice?: Notice;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @Column({ name: 'consumer_name', type: 'text' })
  consumerName: string;

  @Column({ name: 'org_number', type: 'text' })
  orgNumber: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: string;

  @Column({ type: 'text', array: true })
  services: string[];

  /** The Message-ID of the notice e-mail (its outbox row tells whether it was delivered). */
  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  @Index('notice_recipient_token_hash_idx')
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'token_expires_at', type: 'timestamptz' })
  tokenExpiresAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

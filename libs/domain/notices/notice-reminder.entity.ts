import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Notice } from './notice.entity';

/**
 * The reminders log: one row per recipient (consumer and address) and lead time. An address
 * reminded for several consumers got one e-mail for all their rows.
 */
@Entity('notice_reminder')
@Index('notice_reminder_recipient_days_key', ['recipientId', 'daysBefore'], { unique: true })
@Index('notice_reminder_notice_idx', ['noticeId'])
export class NoticeReminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne(() => Notice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'notice_reminder_notice_fk' })
  notice?: Notice;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'consumer_name', type: 'text' })
  consumerName: string;

  @Column({ name: 'days_before', type: 'integer' })
  daysBefore: number;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}

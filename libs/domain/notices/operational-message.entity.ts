import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const OPERATIONAL_MESSAGE_END_REASONS = ['resolved', 'removed', 'staff', 'expired'] as const;
export type OperationalMessageEndReason = (typeof OPERATIONAL_MESSAGE_END_REASONS)[number];

/**
 * An operational message (driftsmelding) from Skatteetaten: while it is active, a report on one
 * of its services (in one of its environments; none listed: all) is a known issue on intake.
 */
@Entity('operational_message')
@Index('operational_message_active_idx', ['startedAt'], { where: '"ended_at" IS NULL' })
@Check('operational_message_end_reason_check', `"end_reason" IS NULL OR "end_reason" IN ('resolved', 'removed', 'staff', 'expired')`)
export class OperationalMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ type: 'text', array: true })
  services: string[];

  /** Empty: every environment. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  environments: string[];

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: OperationalMessageEndReason | null;

  /** The feed entry it came from; null when staff registered it. */
  @Index('operational_message_entry_key', { unique: true, where: '"feed_entry_id" IS NOT NULL' })
  @Column({ name: 'feed_entry_id', type: 'uuid', nullable: true })
  feedEntryId: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

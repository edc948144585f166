import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DomainEventStatus = 'pending' | 'processing' | 'done' | 'failed';

/**
 * Something that happened in one context that others react to, written in the same transaction
 * as the change (the outbox pattern for reactions, not only e-mail). The worker claims rows
 * with SKIP LOCKED and marks each done in the transaction of its handlers' work.
 */
@Entity('domain_event')
@Index('domain_event_due_idx', ['status', 'nextAttemptAt'])
@Check('domain_event_status_check', `"status" IN ('pending', 'processing', 'done', 'failed')`)
export class DomainEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: DomainEventStatus;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}

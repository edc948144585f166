import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { ChangeRequestPriority, ChangeRequestStatus, ChangeRequestUrgency } from './rules/change-request-rules';

/**
 * A change the segment wants in one of Skatteetaten's services (endringsønske): submitted by one
 * consumer, supported by others, assessed and forwarded by KS once, answered by Skatteetaten.
 */
@Index('change_request_text_fts_idx', { synchronize: false })
@Index('change_request_title_trgm_idx', { synchronize: false })
@Entity('change_request')
@Index('change_request_board_idx', ['status', 'serviceCode'])
@Check('change_request_status_check', `"status" IN ('new', 'assessing', 'forwarded', 'answered', 'declined', 'done')`)
@Check('change_request_urgency_check', `"urgency" IN ('low', 'medium', 'high')`)
@Check('change_request_priority_check', `"priority" IS NULL OR "priority" IN ('low', 'medium', 'high')`)
export class ChangeRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('change_request_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'service_code', type: 'text' })
  serviceCode: string;

  /** The service area the submitter uses the service for (else the catalogue's first), for the board. */
  @Column({ name: 'service_area', type: 'text', nullable: true })
  serviceArea: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  urgency: ChangeRequestUrgency;

  @Column({ type: 'text', default: 'new' })
  status: ChangeRequestStatus;

  /** KS's priority, set on assessment. */
  @Column({ type: 'text', nullable: true })
  priority: ChangeRequestPriority | null;

  /** KS made the texts readable by every consumer with access to the service. */
  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ name: 'submitter_consumer_id', type: 'uuid' })
  submitterConsumerId: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  /** Set when staff folded this request into another as a duplicate. */
  @Index('change_request_merged_into_idx')
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  /** The first message to Skatteetaten; later messages reply to it. */
  @Column({ name: 'forward_message_id', type: 'text', nullable: true })
  forwardMessageId: string | null;

  @Column({ name: 'forwarded_to', type: 'text', array: true, default: () => "'{}'" })
  forwardedTo: string[];

  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true })
  forwardedAt: Date | null;

  @Column({ name: 'forwarded_by', type: 'text', nullable: true })
  forwardedBy: string | null;

  /** Skatteetaten's answer, or KS's reason for declining. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

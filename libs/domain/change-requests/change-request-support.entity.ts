import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { ChangeRequest } from './change-request.entity';

export const SUPPORT_KINDS = ['submitted', 'supported'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/**
 * One consumer behind a change request, with its own use case: the submitter's row and each
 * "we need this too". One per consumer and request; the count of rows is the request's support.
 */
@Entity('change_request_support')
@Index('change_request_support_consumer_key', ['changeRequestId', 'consumerId'], { unique: true })
@Check('change_request_support_kind_check', `"kind" IN ('submitted', 'supported')`)
export class ChangeRequestSupport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'change_request_id', type: 'uuid' })
  changeRequestId: string;

  @ManyToOne(() => ChangeRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'change_request_id', foreignKeyConstraintName: 'change_request_support_request_fk' })
  changeRequest?: ChangeRequest;

  @Index('change_request_support_consumer_idx')
  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @Column({ type: 'text' })
  kind: SupportKind;

  @Column({ name: 'use_case', type: 'text' })
  useCase: string;

  @Column({ name: 'added_by', type: 'text' })
  addedBy: string;

  /** The request this support was on before a merge moved it here; an undone merge moves it back. */
  @Index('change_request_support_moved_from_idx')
  @Column({ name: 'moved_from_id', type: 'uuid', nullable: true })
  movedFromId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

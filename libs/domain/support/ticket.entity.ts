import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { TicketCategory, TicketChannel, TicketPriority, TicketStatus } from './rules/ticket-rules';

/**
 * A question or request to KS's first-line support (henvendelse), from the portal, the API,
 * e-mail, or staff on behalf of a caller. Its words are in its messages, the first of which is the
 * question itself; its history (status changes with their times, for SLA) in its events.
 */
@Entity('ticket')
@Index('ticket_queue_idx', ['status', 'assigneeId'])
@Check('ticket_status_check', `"status" IN ('new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten', 'resolved', 'closed')`)
@Check('ticket_category_check', `"category" IN ('access', 'data', 'legal', 'technical', 'other')`)
@Check('ticket_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check('ticket_channel_check', `"channel" IN ('portal', 'api', 'staff', 'email')`)
export class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ticket_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  /** Null for an e-mail from an address the registry does not know. */
  @Index('ticket_consumer_idx')
  @Column({ name: 'consumer_id', type: 'uuid', nullable: true })
  consumerId: string | null;

  /**
   * Set when the ticket came by e-mail from a sender the registry does not tie to exactly one
   * consumer; staff setting the consumer clears it.
   */
  @Column({ type: 'boolean', default: false })
  unverified: boolean;

  @Column({ name: 'requester_name', type: 'text', nullable: true })
  requesterName: string | null;

  @Column({ name: 'requester_email', type: 'text', nullable: true })
  requesterEmail: string | null;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  category: TicketCategory;

  @Column({ name: 'service_code', type: 'text', nullable: true })
  serviceCode: string | null;

  @Column({ type: 'text', default: 'normal' })
  priority: TicketPriority;

  @Column({ type: 'text', default: 'new' })
  status: TicketStatus;

  @Column({ type: 'text' })
  channel: TicketChannel;

  /** The staff member handling it. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName: string | null;

  /** The assignment group (staff group) it is with; its assignee, if any, is a member of it. */
  @Index('ticket_group_idx')
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** The Message-ID that starts the ticket's e-mail thread; every later e-mail refers to it. */
  @Index('ticket_thread_message_idx')
  @Column({ name: 'thread_message_id', type: 'text', nullable: true })
  threadMessageId: string | null;

  /** Set while this ticket is folded into another; its messages are there until an unmerge brings them back. */
  @Index('ticket_merged_into_idx')
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  /** KS's first public answer (the first-response clock stops here). */
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /** When it last became resolved; cleared when it is opened again. */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /**
   * The SLA clocks' current due instants, kept in the transaction of every change that moves them
   * (rules/ticket-sla.ts): null while a clock does not run (answered, paused, stopped).
   */
  @Column({ name: 'sla_first_response_due_at', type: 'timestamptz', nullable: true })
  slaFirstResponseDueAt: Date | null;

  @Column({ name: 'sla_resolution_due_at', type: 'timestamptz', nullable: true })
  slaResolutionDueAt: Date | null;

  /** The next instant a running clock not yet warned about turns to warning; the worker's index. */
  @Index('ticket_sla_warn_idx')
  @Column({ name: 'sla_warn_at', type: 'timestamptz', nullable: true })
  slaWarnAt: Date | null;

  /** When the assignee was warned about each clock (once per clock and ticket). */
  @Column({ name: 'sla_first_response_warned_at', type: 'timestamptz', nullable: true })
  slaFirstResponseWarnedAt: Date | null;

  @Column({ name: 'sla_resolution_warned_at', type: 'timestamptz', nullable: true })
  slaResolutionWarnedAt: Date | null;

  /** When each clock was marked breached (once). */
  @Column({ name: 'sla_first_response_breached_at', type: 'timestamptz', nullable: true })
  slaFirstResponseBreachedAt: Date | null;

  @Column({ name: 'sla_resolution_breached_at', type: 'timestamptz', nullable: true })
  slaResolutionBreachedAt: Date | null;

  @Column({ name: 'last_message_at', type: 'timestamptz' })
  lastMessageAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

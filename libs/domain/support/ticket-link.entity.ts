import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { TicketLinkKind } from './rules/ticket-rules';
import { Ticket } from './ticket.entity';

/** A ticket's link to a report, incident, onboarding (a consumer's) or change request, found by its reference. */
@Entity('ticket_link')
@Index('ticket_link_target_key', ['ticketId', 'kind', 'targetId'], { unique: true })
@Check('ticket_link_kind_check', `"kind" IN ('report', 'incident', 'onboarding', 'change_request')`)
export class TicketLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_link_ticket_fk' })
  ticket?: Ticket;

  @Column({ type: 'text' })
  kind: TicketLinkKind;

  /** As staff know it: M-2026-00042, KS-2026-0042, the organisation number, EN-2026-0007. */
  @Column({ type: 'text' })
  reference: string;

  /** The linked object's id in its own context. */
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { TicketChannel } from './rules/ticket-rules';
import { Ticket } from './ticket.entity';

export const MESSAGE_VISIBILITIES = ['public', 'internal'] as const;
/** `internal` is a note among KS staff: never e-mailed, never shown to the consumer. */
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

export const MESSAGE_AUTHORS = ['requester', 'staff'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** One message on a ticket: the question, the consumer's replies, KS's answers and internal notes. */
@Entity('ticket_message')
@Index('ticket_message_ticket_idx', ['ticketId', 'createdAt'])
@Check('ticket_message_visibility_check', `"visibility" IN ('public', 'internal')`)
@Check('ticket_message_author_check', `"author" IN ('requester', 'staff')`)
export class TicketMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_message_ticket_fk' })
  ticket?: Ticket;

  @Column({ type: 'text' })
  visibility: MessageVisibility;

  @Column({ type: 'text' })
  author: MessageAuthor;

  /** Who wrote it: a staff member's e-mail, the portal user's, the consumer's organisation number, or the sender. */
  @Column({ name: 'author_label', type: 'text' })
  authorLabel: string;

  @Column({ type: 'text' })
  channel: TicketChannel;

  /** The sender of an e-mail that came in. */
  @Column({ name: 'from_address', type: 'text', nullable: true })
  fromAddress: string | null;

  @Column({ type: 'text' })
  body: string;

  /** The e-mail's Message-ID: the one KS sent this message with, or the one it arrived with. */
  @Index('ticket_message_message_id_idx')
  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  /** The ticket this message was on before a merge moved it; an unmerge moves it back. */
  @Column({ name: 'moved_from_ticket_id', type: 'uuid', nullable: true })
  movedFromTicketId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

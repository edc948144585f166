import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A row of a ticket's activity timeline: opened, messages, status changes (with the time, for
 * SLA), assignment, priority, tags, links, merges. Written and read through TicketEventRepository.
 */
@Entity('ticket_event')
@Index('ticket_event_ticket_idx', ['ticketId', 'at'])
export class TicketEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'actor_label', type: 'text' })
  actorLabel: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}

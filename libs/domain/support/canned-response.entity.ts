import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { TicketStatus } from './rules/ticket-rules';

/**
 * A prepared answer staff reuse, with placeholders ({{navn}}, {{referanse}}, {{kommune}},
 * {{emne}}); with a status it is a macro: reply and set the status in one step.
 */
@Entity('canned_response')
@Check(
  'canned_response_status_check',
  `"set_status" IS NULL OR "set_status" IN ('new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten', 'resolved', 'closed')`,
)
export class CannedResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'set_status', type: 'text', nullable: true })
  setStatus: TicketStatus | null;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { AutomaticMailReason } from './rules/automatic-mail';

/** routed: a context took it; unrouted: kept for staff; ignored: automatic or our own, never routed. */
export type InboundMessageStatus = 'routed' | 'unrouted' | 'ignored';

/**
 * One e-mail that came in through the SMTP listener, stored once per Message-ID (a second delivery
 * of the same message is dropped). Subject and text have identity numbers masked; the raw message
 * is not kept.
 */
@Entity('inbound_message')
@Index('inbound_message_status_idx', ['status', 'receivedAt'])
@Check('inbound_message_status_check', `"status" IN ('routed', 'unrouted', 'ignored')`)
export class InboundMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('inbound_message_message_id_key', { unique: true })
  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column({ name: 'from_address', type: 'text' })
  fromAddress: string;

  @Column({ name: 'from_name', type: 'text', nullable: true })
  fromName: string | null;

  @Column({ name: 'to_addresses', type: 'text', array: true, default: () => "'{}'" })
  to: string[];

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'in_reply_to', type: 'text', nullable: true })
  inReplyTo: string | null;

  @Column({ name: 'references', type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** Set when identity numbers were masked in subject or text. */
  @Column({ name: 'personal_data_masked', type: 'boolean', default: false })
  personalDataMasked: boolean;

  @Column({ type: 'text' })
  status: InboundMessageStatus;

  @Column({ name: 'ignored_reason', type: 'text', nullable: true })
  ignoredReason: AutomaticMailReason | null;

  /** The context that took it (its handler's name). */
  @Column({ name: 'routed_to', type: 'text', nullable: true })
  routedTo: string | null;

  @Column({ name: 'route_how', type: 'text', nullable: true })
  routeHow: 'message-id' | 'subject-reference' | null;

  /** What it became, e.g. `incident:KS-2026-0042`. */
  @Column({ name: 'route_summary', type: 'text', nullable: true })
  routeSummary: string | null;

  @Column({ name: 'attachment_count', type: 'integer', default: 0 })
  attachmentCount: number;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}

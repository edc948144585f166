import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MESSAGE_AUDIENCES = ['skatteetaten', 'municipalities', 'internal'] as const;
/** Who a message is between: KS and Skatteetaten (the escalation thread), KS and the municipalities, or KS alone. */
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];
export type MessageDirection = 'in' | 'out';
/** How it came or went: written on the incident page, by e-mail, in the portal, or by the municipality's system through the API. */
export type MessageChannel = 'desk' | 'email' | 'portal' | 'api';

/**
 * One message of an incident's conversation. Bodies have identity numbers masked. Internal notes
 * (audience `internal`) are never e-mailed and never shown to a consumer.
 */
@Entity('incident_message')
@Index('incident_message_incident_idx', ['incidentId', 'createdAt'])
@Check('incident_message_direction_check', `"direction" IN ('in', 'out')`)
@Check('incident_message_audience_check', `"audience" IN ('skatteetaten', 'municipalities', 'internal')`)
@Check('incident_message_channel_check', `"channel" IN ('desk', 'email', 'portal', 'api')`)
// An internal note is never addressed to anyone, whatever a future code path tries.
@Check('incident_message_internal_not_sent', `"audience" <> 'internal' OR ("recipients" = '{}' AND "direction" = 'out')`)
export class IncidentMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Column({ type: 'text' })
  direction: MessageDirection;

  @Column({ type: 'text' })
  audience: MessageAudience;

  @Column({ type: 'text' })
  channel: MessageChannel;

  @Column({ type: 'text' })
  body: string;

  /** Staff e-mail, a contact's address, or the sender of an inbound e-mail. */
  @Column({ name: 'author_label', type: 'text' })
  authorLabel: string;

  /** Municipalities: the consumers written to (out), or the one that wrote (in). */
  @Column({ name: 'consumer_ids', type: 'uuid', array: true, default: () => "'{}'" })
  consumerIds: string[];

  /** A municipality's reply names the report it answers about. */
  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId: string | null;

  /** The addresses e-mailed (out). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recipients: string[];

  /** Message-IDs: of the e-mails sent (out), or of the e-mail received (in). */
  @Column({ name: 'message_ids', type: 'text', array: true, default: () => "'{}'" })
  messageIds: string[];

  /**
   * Of a message in a thread to Skatteetaten: that thread's first Message-ID. A merge can bring a
   * second thread's messages to an incident; null on messages stored before threads were told apart.
   */
  @Column({ name: 'thread_root_message_id', type: 'text', nullable: true })
  threadRootMessageId: string | null;

  /** The stored inbound e-mail this came from. */
  @Column({ name: 'inbound_message_id', type: 'uuid', nullable: true })
  inboundMessageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type EscalationStatus = 'pending' | 'sent';

/**
 * The one e-mail thread to Skatteetaten about an incident; the unique index makes it one. A new
 * escalation waits `pending` for a short settle period (grouping may still fold duplicates into
 * it) before its first message is written to the outbox and it becomes `sent`.
 */
@Entity('escalation')
@Index('escalation_due_idx', ['status', 'sendAfter'])
export class Escalation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('escalation_incident_key', { unique: true })
  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  /** Message-ID of the thread's first e-mail; follow-ups reply to it. */
  @Column({ name: 'root_message_id', type: 'text' })
  rootMessageId: string;

  @Column({ name: 'to_addresses', type: 'text', array: true })
  to: string[];

  @Column({ type: 'boolean', default: false })
  security: boolean;

  @Column({ type: 'text', default: 'sent' })
  status: EscalationStatus;

  /** When a pending escalation's first message goes out. */
  @Column({ name: 'send_after', type: 'timestamptz', nullable: true })
  sendAfter: Date | null;

  @Column({ name: 'escalated_by', type: 'text' })
  escalatedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_message_at', type: 'timestamptz' })
  lastMessageAt: Date;

  /** Reports created up to this instant have been told to Skatteetaten. */
  @Column({ name: 'reported_until', type: 'timestamptz' })
  reportedUntil: Date;

  /** The database's snapshot (pg_snapshot as text) taken before the thread's last message was drafted: what it read. */
  @Column({ name: 'told_snapshot', type: 'text', nullable: true, select: false })
  toldSnapshot?: string | null;

  @Column({ name: 'followup_count', type: 'integer', default: 0 })
  followupCount: number;

  /** Reports that joined through a merge after they were received: told in the next follow-up. */
  @Column({ name: 'pending_report_ids', type: 'uuid', array: true, default: () => "'{}'" })
  pendingReportIds: string[];
}

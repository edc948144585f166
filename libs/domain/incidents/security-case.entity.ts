import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { SecurityChecklist } from './rules/security-clock';

/**
 * A security or privacy incident's case: the 72-hour clock from when the first report reached
 * KS, the checklist KS staff work through, and the warnings already sent to the security role.
 */
@Entity('security_case')
export class SecurityCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('security_case_incident_key', { unique: true })
  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  checklist: SecurityChecklist;

  /** Hours-left thresholds already warned of, so each is sent once. */
  @Column({ name: 'warnings_sent', type: 'int', array: true, default: () => "'{}'" })
  warningsSent: number[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

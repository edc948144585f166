import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger in the database rejects UPDATE, DELETE and TRUNCATE. */
@Entity('audit_entry')
@Index('audit_entry_object_idx', ['objectType', 'objectId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index('audit_entry_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: 'staff' | 'consumer' | 'system' | 'anonymous';

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Index('audit_entry_actor_idx')
  @Column({ name: 'actor_label', type: 'text' })
  actorLabel: string;

  @Index('audit_entry_action_idx')
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType: string;

  @Column({ name: 'object_id', type: 'text', nullable: true })
  objectId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Idempotency-Key bookkeeping per consumer (kept at least 24 h). */
@Entity('idempotency_record')
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ type: 'text', default: 'in-flight' })
  state: 'in-flight' | 'done';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @Index('idempotency_record_created_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

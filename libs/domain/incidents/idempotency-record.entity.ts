import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The answer given to a request under an Idempotency-Key, per consumer (kept at least 24 h).
 * Written with the report it answers (by the statement that stores it, or the transaction that
 * places it), so a committed record is always a finished answer.
 */
@Entity('idempotency_record')
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'response_status', type: 'integer' })
  responseStatus: number;

  @Column({ name: 'response_body', type: 'jsonb' })
  responseBody: unknown;

  @Index('idempotency_record_created_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

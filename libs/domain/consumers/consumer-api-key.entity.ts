import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Consumer } from './consumer.entity';

/** A consumer's API key; only its SHA-256 is stored. */
@Entity('consumer_api_key')
export class ConsumerApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('consumer_api_key_consumer_idx')
  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @ManyToOne(() => Consumer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', foreignKeyConstraintName: 'consumer_api_key_consumer_fk' })
  consumer?: Consumer;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text' })
  prefix: string;

  @Index('consumer_api_key_hash_key', { unique: true })
  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Consumer } from './consumer.entity';

export const CONTACT_ROLES = ['technical', 'professional', 'security'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** A person at the consumer: receives notices and may sign in to the consumer portal. */
@Entity('consumer_contact')
@Index('consumer_contact_consumer_email_key', ['consumerId', 'email'], { unique: true })
@Check('consumer_contact_role_check', `"role" IN ('technical', 'professional', 'security')`)
@Index('consumer_contact_name_trgm_idx', { synchronize: false })
@Index('consumer_contact_email_trgm_idx', { synchronize: false })
export class ConsumerContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @ManyToOne(() => Consumer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', foreignKeyConstraintName: 'consumer_contact_consumer_fk' })
  consumer?: Consumer;

  @Column({ type: 'text' })
  name: string;

  /** Stored lower-cased; portal sign-in looks contacts up by it. */
  @Index('consumer_contact_email_idx')
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  role: ContactRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

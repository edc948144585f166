import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Consumer } from './consumer.entity';

/** The terms versions a consumer accepted for one service. */
export interface AcceptedTerms {
  serviceCode: string;
  sharingTermsVersion: string | null;
  usageTermsVersion: string | null;
}

/** The consumer agreement (konsumentavtale) in force; earlier versions live in the audit log. */
@Entity('consumer_agreement')
export class ConsumerAgreement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('consumer_agreement_consumer_key', { unique: true })
  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @ManyToOne(() => Consumer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', foreignKeyConstraintName: 'consumer_agreement_consumer_fk' })
  consumer?: Consumer;

  /** Dates are calendar dates (YYYY-MM-DD), as written in the agreement. */
  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  @Column({ name: 'signatory_name', type: 'text' })
  signatoryName: string;

  @Column({ name: 'signatory_title', type: 'text', nullable: true })
  signatoryTitle: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Index('consumer_agreement_valid_to_idx')
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'accepted_terms', type: 'jsonb', default: () => "'[]'" })
  acceptedTerms: AcceptedTerms[];

  @Column({ name: 'document_reference', type: 'text', nullable: true })
  documentReference: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CONSUMER_KINDS = ['kommune', 'fylkeskommune', 'other'] as const;
export type ConsumerKind = (typeof CONSUMER_KINDS)[number];

export const CONSUMER_STATUSES = ['applicant', 'active', 'suspended', 'terminated'] as const;
export type ConsumerStatus = (typeof CONSUMER_STATUSES)[number];

/** A municipality, county municipality or other body that consumes Skatteetaten's data through KS. */
@Entity('consumer')
@Check('consumer_org_number_check', `"org_number" ~ '^[0-9]{9}$'`)
@Check('consumer_municipality_number_check', `"municipality_number" ~ '^[0-9]{4}$'`)
@Check('consumer_kind_check', `"kind" IN ('kommune', 'fylkeskommune', 'other')`)
@Check('consumer_status_check', `"status" IN ('applicant', 'active', 'suspended', 'terminated')`)
@Index('consumer_name_trgm_idx', { synchronize: false })
export class Consumer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('consumer_org_number_key', { unique: true })
  @Column({ name: 'org_number', type: 'text' })
  orgNumber: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'kommune' })
  kind: ConsumerKind;

  @Index('consumer_municipality_number_idx')
  @Column({ name: 'municipality_number', type: 'text', nullable: true })
  municipalityNumber: string | null;

  @Index('consumer_status_idx')
  @Column({ type: 'text' })
  status: ConsumerStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

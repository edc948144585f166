import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type StoredVersionStatus = 'draft' | 'published';

/**
 * One version of Bilag 2. Only 'draft' and 'published' are stored: whether a published version
 * is in force, scheduled or superseded depends on the day it is looked at, so it is computed.
 */
@Entity('catalogue_version')
// Partial index for "which version is in force on D" (created by the migration).
@Index('catalogue_version_in_force_idx', { synchronize: false })
@Check('catalogue_version_status_check', `"status" IN ('draft', 'published')`)
@Check('catalogue_version_published_check', `"status" = 'draft' OR ("published_at" IS NOT NULL AND "published_by" IS NOT NULL)`)
export class CatalogueVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  label: string;

  /** The calendar day (Norwegian time) from which the version applies, once published. */
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'text', default: 'draft' })
  status: StoredVersionStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

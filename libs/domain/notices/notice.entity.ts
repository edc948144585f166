import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { NoticeKind, NoticeLink } from './rules/notice-input';

export const NOTICE_STATUSES = ['draft', 'scheduled', 'sent', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * A change notice (endringsvarsel): what changes, for whom (services, environments, packages,
 * areas, contact roles) and when. Its recipients are fixed when it is sent.
 */
@Entity('notice')
@Index('notice_status_scheduled_idx', ['status', 'scheduledAt'])
@Check('notice_status_check', `"status" IN ('draft', 'scheduled', 'sent', 'withdrawn')`)
@Check('notice_kind_check', `"kind" IN ('interface-change', 'dataset-change', 'planned-maintenance', 'deprecation', 'operational-notice')`)
export class Notice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: NoticeKind;

  /** The text for every contact whose role has none of its own. */
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'technical_body', type: 'text', nullable: true })
  technicalBody: string | null;

  @Column({ name: 'professional_body', type: 'text', nullable: true })
  professionalBody: string | null;

  @Column({ type: 'text', array: true })
  services: string[];

  @Column({ type: 'text', array: true })
  environments: string[];

  @Column({ name: 'entitlement_packages', type: 'text', array: true, default: () => "'{}'" })
  entitlementPackages: string[];

  @Column({ name: 'service_areas', type: 'text', array: true, default: () => "'{}'" })
  serviceAreas: string[];

  /** Contact roles written to; empty: every role. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: string[];

  @Column({ name: 'effective_at', type: 'timestamptz' })
  effectiveAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  links: NoticeLink[];

  @Column({ type: 'text', default: 'draft' })
  status: NoticeStatus;

  /** When the worker sends a scheduled notice. */
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  /** Where a proposed draft came from (e.g. `catalogue-version:<id>`); null when written by staff. */
  @Index('notice_source_key', { unique: true, where: '"source" IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

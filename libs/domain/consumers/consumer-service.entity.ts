import type { Environment } from '@domain/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Consumer } from './consumer.entity';

export const CONNECTION_METHODS = ['direct', 'vendor', 'fiks'] as const;
export type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

export const ONBOARDING_STEPS = ['requested', 'qualified', 'readiness-tested', 'connected'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingEvent {
  step: OnboardingStep;
  at: string;
  by: string;
  note?: string | null;
}

export interface ChecklistMark {
  checked: boolean;
  by: string;
  at: string;
}

/** A vendor that used to act for the consumer on this service, kept when the vendor changes. */
export interface VendorHistoryEntry {
  orgNumber: string | null;
  name: string | null;
  connectionMethod: ConnectionMethod | null;
  from: string | null;
  until: string;
  changedBy: string;
}

/**
 * A consumer's access to one catalogue service: legal basis and purpose, how it connects, and
 * its onboarding (påkobling) with checklist and place in the queue.
 */
@Entity('consumer_service')
@Index('consumer_service_consumer_code_key', ['consumerId', 'serviceCode'], { unique: true })
@Index('consumer_service_queue_idx', ['onboardingStep', 'queuePosition'])
@Check('consumer_service_environments_check', `"environments" <@ ARRAY['production', 'test']::text[]`)
@Check('consumer_service_connection_method_check', `"connection_method" IN ('direct', 'vendor', 'fiks')`)
@Check('consumer_service_onboarding_step_check', `"onboarding_step" IN ('requested', 'qualified', 'readiness-tested', 'connected')`)
export class ConsumerService {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @ManyToOne(() => Consumer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer_id', foreignKeyConstraintName: 'consumer_service_consumer_fk' })
  consumer?: Consumer;

  @Index('consumer_service_code_idx')
  @Column({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @Column({ type: 'text', array: true })
  environments: Environment[];

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ name: 'law_reference', type: 'text', nullable: true })
  lawReference: string | null;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Column({ name: 'service_area', type: 'text', nullable: true })
  serviceArea: string | null;

  @Column({ name: 'entitlement_package', type: 'text', nullable: true })
  entitlementPackage: string | null;

  @Column({ name: 'connection_method', type: 'text', nullable: true })
  connectionMethod: ConnectionMethod | null;

  @Index('consumer_service_vendor_idx')
  @Column({ name: 'vendor_org_number', type: 'text', nullable: true })
  vendorOrgNumber: string | null;

  @Column({ name: 'vendor_name', type: 'text', nullable: true })
  vendorName: string | null;

  @Column({ name: 'vendor_since', type: 'timestamptz', nullable: true })
  vendorSince: Date | null;

  @Column({ name: 'vendor_history', type: 'jsonb', default: () => "'[]'" })
  vendorHistory: VendorHistoryEntry[];

  @Column({ name: 'data_processing_agreement_confirmed', type: 'boolean', default: false })
  dataProcessingAgreementConfirmed: boolean;

  @Column({ name: 'altinn_delegation_confirmed_at', type: 'timestamptz', nullable: true })
  altinnDelegationConfirmedAt: Date | null;

  @Column({ name: 'maskinporten_scope', type: 'text', nullable: true })
  maskinportenScope: string | null;

  @Column({ name: 'onboarding_step', type: 'text', default: 'requested' })
  onboardingStep: OnboardingStep;

  @Column({ name: 'onboarding_history', type: 'jsonb', default: () => "'[]'" })
  onboardingHistory: OnboardingEvent[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  checklist: Record<string, ChecklistMark>;

  /** Order in the onboarding queue (lower first); only meaningful until connected. */
  @Column({ name: 'queue_position', type: 'integer' })
  queuePosition: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

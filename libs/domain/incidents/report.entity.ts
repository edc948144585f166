import type { KnownIssue } from '@domain/notices';
import type { Environment } from '@domain/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REPORT_CATEGORIES = ['incident', 'deviation', 'security', 'privacy'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const REPORT_CHANNELS = ['api', 'form', 'staff', 'email', 'phone', 'import'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/**
 * Channels through which the consumer itself (not KS staff) sends a report: an address such a
 * report names is the caller's choice, written to only when it is a registered contact.
 */
export function isConsumerChannel(channel: ReportChannel): boolean {
  return channel === 'api' || channel === 'form';
}

export interface MatchRecord {
  action: 'attach' | 'open';
  score: number;
  confidence: string;
  reasons: string[];
  runnerUp: { incidentId: string; reference?: string; score: number; reasons: string[] } | null;
  /** 'auto' for the intake decision; staff corrections are recorded as 'manual'. */
  by: 'auto' | 'manual';
}

/** One consumer's report (feil- og avviksmelding). Free text is stored with identity numbers masked. */
@Index('report_text_fts_idx', { synchronize: false })
@Entity('report')
// With the consumer, the counts per incident (queue, waves) are read from the index alone.
@Index('report_incident_received_consumer_idx', ['incidentId', 'receivedAt', 'consumerId'])
// One municipality's reports in an incident (is it new to it, what did it call it), however large the incident.
@Index('report_incident_consumer_received_idx', ['incidentId', 'consumerId', 'receivedAt'])
@Index('report_consumer_received_idx', ['consumerId', 'receivedAt'])
// Search indexes (trigram, by expression) live in migrations/1795446500000-search-indexes.ts.
@Index('report_title_trgm_idx', { synchronize: false })
@Index('report_description_trgm_idx', { synchronize: false })
@Index('report_error_code_idx', { synchronize: false })
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('report_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'consumer_id', type: 'uuid' })
  consumerId: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @Column({ type: 'text' })
  channel: ReportChannel;

  @Column({ type: 'text' })
  service: string;

  @Column({ type: 'text' })
  environment: Environment;

  @Column({ type: 'text' })
  category: ReportCategory;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ name: 'has_worked_before', type: 'boolean', nullable: true })
  hasWorkedBefore: boolean | null;

  @Column({ name: 'vendor_involved', type: 'text', nullable: true })
  vendorInvolved: string | null;

  /** The vendor that sent the report for the municipality (a Maskinporten token's supplier). */
  @Column({ name: 'vendor_organisation_number', type: 'text', nullable: true })
  vendorOrganisationNumber: string | null;

  /** The vendor's name as the municipality's services register it, when they do. */
  @Column({ name: 'vendor_name', type: 'text', nullable: true })
  vendorName: string | null;

  @Column({ name: 'reporter_name', type: 'text', nullable: true })
  reporterName: string | null;

  @Column({ name: 'reporter_email', type: 'text', nullable: true })
  reporterEmail: string | null;

  /** Set when identity numbers were masked on intake; the originals are kept only encrypted. */
  @Column({ name: 'personal_data_masked', type: 'boolean', default: false })
  personalDataMasked: boolean;

  @Column({ name: 'personal_data_sealed', type: 'text', nullable: true, select: false })
  personalDataSealed: string | null;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  @Column({ type: 'jsonb' })
  match: MatchRecord;

  /** Text features as matching saw them at intake (rules/text-features.ts), for corpus statistics and profiles. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  features: string[];

  /** Placed by staff (move/split): automatic merges never move it again. */
  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ name: 'suggested_articles', type: 'text', array: true, default: () => "'{}'" })
  suggestedArticles: string[];

  /** The operational message about its service and environment that was active when it came in. */
  @Column({ name: 'known_issue', type: 'jsonb', nullable: true })
  knownIssue: KnownIssue | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /**
   * The transaction that stored it (xid8 as bigint): whether a message to Skatteetaten read it is
   * decided by the snapshot taken before that message (untoldReportSql). Set by the database.
   */
  @Column({
    name: 'created_xid',
    type: 'bigint',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    default: () => 'current_transaction_id()',
  })
  createdXid?: string | null;
}

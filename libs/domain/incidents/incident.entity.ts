import type { KnownIssue } from '@domain/notices';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { ProfileCounts } from './rules/incident-profile';

export const INCIDENT_STATUSES = ['new', 'triaged', 'escalated', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** Resolved, or closed: no longer open for escalation, new reports or corrections. */
export const isSettled = (incident: { status: IncidentStatus }): boolean => incident.status === 'resolved' || incident.status === 'closed';
export const INCIDENT_SIDES = ['undetermined', 'local', 'ske', 'security'] as const;
export type IncidentSide = (typeof INCIDENT_SIDES)[number];
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
import type { Environment } from '@domain/shared';
export type Track = 'ordinary' | 'security';

/** The underlying problem that one or many reports describe. */
@Index('incident_title_fts_idx', { synchronize: false })
@Entity('incident')
@Index('incident_candidates_idx', ['environment', 'lastSeenAt'])
@Index('incident_title_trgm_idx', { synchronize: false })
export class Incident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('incident_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  environment: Environment;

  /** Security and privacy reports live on their own track and never merge with ordinary ones. */
  @Column({ type: 'text' })
  track: Track;

  @Index('incident_status_idx')
  @Column({ type: 'text', default: 'new' })
  status: IncidentStatus;

  @Column({ type: 'text', default: 'undetermined' })
  side: IncidentSide;

  @Column({ type: 'text', nullable: true })
  severity: Severity | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services: string[];

  @Column({ name: 'error_codes', type: 'text', array: true, default: () => "'{}'" })
  errorCodes: string[];

  /** receivedAt of the report that opened it: it can take only reports received at or after this. */
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Index('incident_merged_into_idx')
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  /**
   * Its reports and the distinct consumers that sent them, as of the last commit that changed
   * them: kept by a trigger on `report` (migrations/1795466000000-incident-report-counts.ts) and
   * read by the queue's SQL, never written or loaded through the entity.
   */
  @Column({ name: 'report_count', type: 'integer', default: 0, select: false, insert: false, update: false })
  reportCount: number;

  @Column({ name: 'consumer_count', type: 'integer', default: 0, select: false, insert: false, update: false })
  consumerCount: number;

  /** The incident as a whole for matching: counts of features, statuses, codes, consumers (rules/incident-profile.ts). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  profile: ProfileCounts;

  /**
   * Counts the writes of `profile`: kept by a trigger (migrations/1795475000000-incident-profile-version.ts),
   * so that intake, which reads the profiles of the open incidents on every report, reads one again
   * only after it changed. Never written or loaded through the entity.
   */
  @Column({ name: 'profile_version', type: 'integer', default: 0, select: false, insert: false, update: false })
  profileVersion: number;

  @Column({ name: 'ske_case_reference', type: 'text', nullable: true })
  skeCaseReference: string | null;

  @Column({ name: 'resolution_message', type: 'text', nullable: true })
  resolutionMessage: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** The operational message Skatteetaten had out when a report of it came in: a known issue, not escalated automatically. */
  @Column({ name: 'known_issue', type: 'jsonb', nullable: true })
  knownIssue: KnownIssue | null;

  /** The staff member handling it; with a group, one of its members. */
  @Index('incident_assignee_idx')
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName: string | null;

  /** The assignment group (staff group) it is with. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  /** How often a municipality reopened it after a resolution: each resolution after that notifies anew. */
  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A row of an incident's timeline: reports attached, triage, escalation, merges, follow-ups,
 * resolution. Written and read through IncidentEventRepository, typed as IncidentTimelineEvent.
 */
@Entity('incident_event')
@Index('incident_event_incident_idx', ['incidentId', 'at'])
// Partial: the triages that set the incident's title (migrations/1795471000000-incident-titled-by-staff-index.ts).
@Index('incident_event_titled_idx', { synchronize: false })
export class IncidentEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'actor_label', type: 'text' })
  actorLabel: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}

import type { Incident } from './incident.entity';
import type { MatchRecord, ReportChannel } from './report.entity';
import type { SecurityChecklistItem } from './rules/security-clock';

/** How two incidents became one: decided by grouping, or by staff. */
export type MergeHow = 'auto' | 'manual';

/**
 * What each kind of timeline event records (`incident_event.kind` → `incident_event.details`).
 * Details are stored as JSON, so instants are ISO strings.
 */
export type IncidentEventDetails = {
  /** Opened by intake (with grouping's reasons), or by staff splitting reports out of another incident. */
  opened: { reasons: string[] } | { splitFrom: string; reports: string[] };
  report_received: { report: string; reportId: string; channel: ReportChannel; action: MatchRecord['action']; score: number };
  /** The fields staff changed; `status` when the triage moved the incident on from `new`. */
  /** A municipality said it is affected by this known problem too ("Vi er også berørt"). */
  consumer_joined: { report: string; reportId: string; channel: ReportChannel };
  triaged: Partial<Pick<Incident, 'side' | 'severity' | 'title' | 'skeCaseReference' | 'status'>>;
  /** `sendAfter` is absent on events recorded before escalations waited for a settle period. */
  escalated: { to: string[]; security: boolean; messageId: string; sendAfter?: string | null };
  escalation_sent: { to: string[]; security: boolean; messageId: string };
  escalation_cancelled: Record<string, never>;
  escalation_folded: { from: string };
  /**
   * An incident whose thread Skatteetaten had was merged into this one, which has a thread too: its
   * thread ended with a pointer here. `joined`: its recipients (`to`) receive this thread from now on.
   */
  escalation_thread_merged: { from: string; skeCaseReference: string | null; to: string[]; joined: boolean };
  /**
   * Staff moved the thread to the security channel: the ordinary thread (`from`, its first
   * Message-ID, to `fromTo`, Skatteetaten's case `skeCaseReference` there) ended with a pointer
   * elsewhere, and a new first message went to `to`.
   */
  escalation_moved: { from: string; fromTo: string[]; skeCaseReference: string | null; to: string[]; messageId: string };
  follow_up_sent: { newReports: number };
  resolved: { notified: number; side: Incident['side'] };
  split: { into: string; reports: string[] };
  report_moved_out: { report: string; to: string };
  report_moved_in: { report: string; from: string };
  merged_in: { from: string; fromId: string; reports: number; how: MergeHow; reasons: string[] };
  merged_into: { into: string; intoId: string; how: MergeHow; reasons: string[] };
  /** Skatteetaten answered in the escalation thread, or a municipality replied (e-mail or portal). */
  message_received: { audience: 'skatteetaten' | 'municipalities'; from: string; channel: 'email' | 'portal' | 'api'; report?: string };
  /** Staff wrote in the escalation thread or to municipalities: how many e-mails went to how many consumers. */
  message_sent: { audience: 'skatteetaten' | 'municipalities'; recipients: number; consumers: number };
  note_added: Record<string, never>;
  /** Staff gave it to a staff member (names; null: nobody). */
  assigned: { from: string | null; to: string | null };
  /** Staff moved it between assignment groups (names; null: no group). */
  group_set: { from: string | null; to: string | null };
  /**
   * Opened again after the resolution: by a municipality, its report named (within the reopening
   * window), or by staff, with their reason if they gave one.
   */
  reopened: { report?: string; status: Incident['status']; reason?: string | null };
  /** A security case's checklist item done: whom Skatteetaten's call reached and when, or what contained it. */
  security_step: { item: SecurityChecklistItem; calledName?: string; calledAt?: string; text?: string };
};

export type IncidentEventKind = keyof IncidentEventDetails;

/** One entry of an incident's timeline, discriminated by `kind`. */
export type IncidentTimelineEvent = {
  [K in IncidentEventKind]: { id: string; incidentId: string; at: Date; actorLabel: string; kind: K; details: IncidentEventDetails[K] };
}[IncidentEventKind];

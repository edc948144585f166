import type { ChangeRequestEvent } from '@domain/change-requests';
import type { OnboardingActivityEntry } from '@domain/consumers';
import type { CaseActivityEntry } from '@domain/incidents';

import type { TicketChannel, TicketLinkKind, TicketPriority, TicketStatus } from './rules/ticket-rules';
import type { SlaTargetName } from './rules/ticket-sla';
import type { MessageAuthor, MessageVisibility } from './ticket-message.entity';

/**
 * What each kind of timeline event records (`ticket_event.kind` → `ticket_event.details`). Status
 * changes keep both ends, so the time spent in each status can be computed from the history.
 */
export type TicketEventDetails = {
  opened: { channel: TicketChannel; status: TicketStatus };
  message_added: { message: string; visibility: MessageVisibility; author: MessageAuthor; channel: TicketChannel; emailed: number };
  status_changed: { from: TicketStatus; to: TicketStatus };
  assigned: { from: string | null; to: string | null };
  /** Staff moved it between assignment groups (names); `routed` when a new ticket went to its category's group. */
  group_set: { from: string | null; to: string | null; routed?: boolean };
  priority_set: { from: TicketPriority; to: TicketPriority };
  consumer_set: { from: string | null; to: string; toName: string };
  tags_set: { from: string[]; to: string[] };
  linked: { kind: TicketLinkKind; reference: string };
  unlinked: { kind: TicketLinkKind; reference: string };
  merged_in: { from: string; fromId: string; messages: number };
  merged_into: { into: string; intoId: string };
  unmerged_out: { to: string; toId: string; messages: number };
  unmerged: { from: string; fromId: string };
  /** The worker warned of a clock about to run out (once per clock), e-mailing `emailed` staff. */
  sla_warned: { target: SlaTargetName; dueAt: string; emailed: number };
  /** The worker marked a clock as run out (once per clock). */
  sla_breached: { target: SlaTargetName; dueAt: string };
};

export type TicketEventKind = keyof TicketEventDetails;

/** One entry of a ticket's timeline, discriminated by `kind`. */
export type TicketTimelineEvent = {
  [K in TicketEventKind]: { id: string; ticketId: string; at: Date; actorLabel: string; kind: K; details: TicketEventDetails[K] };
}[TicketEventKind];

/** The linked item an entry of the activity timeline comes from, as the ticket's link names it. */
export interface LinkedSource {
  kind: Exclude<TicketLinkKind, 'ticket'>;
  reference: string;
  targetId: string;
}

/**
 * One entry of a ticket's activity timeline: the ticket's own event, or one on a report,
 * incident, onboarding or change request linked to it (read through that context's queries).
 */
export type TicketActivity =
  | { source: 'ticket'; at: Date; event: TicketTimelineEvent }
  | { source: 'report' | 'incident'; at: Date; link: LinkedSource; entry: CaseActivityEntry }
  | { source: 'onboarding'; at: Date; link: LinkedSource; entry: OnboardingActivityEntry }
  | { source: 'change_request'; at: Date; link: LinkedSource; entry: ChangeRequestEvent };

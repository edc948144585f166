import type { SlaState } from './rules/sla-clock';
import type { SlaTag, SlaTargetName } from './rules/ticket-sla';
import type { Ticket } from './ticket.entity';
import type { TicketLink } from './ticket-link.entity';
import type { TicketMessage } from './ticket-message.entity';

/** A ticket in a list: no messages. */
export interface TicketSummary {
  id: string;
  reference: string;
  consumerId: string | null;
  consumerName: string | null;
  /** Came by e-mail from a sender not tied to exactly one consumer; cleared when staff set the consumer. */
  unverified: boolean;
  requesterName: string | null;
  requesterEmail: string | null;
  subject: string;
  category: Ticket['category'];
  serviceCode: string | null;
  priority: Ticket['priority'];
  status: Ticket['status'];
  channel: Ticket['channel'];
  assignee: { id: string; name: string } | null;
  /** The assignment group it is with. */
  group: { id: string; name: string } | null;
  tags: string[];
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /** The earlier due instant of a counting SLA clock; null while none counts. */
  slaDueAt: Date | null;
  lastMessageAt: Date;
  createdAt: Date;
}

/** One SLA clock of a ticket as it stands. */
export interface SlaClockView {
  target: SlaTargetName;
  state: SlaState;
  targetMillis: number;
  /** Business time left; negative once breached. */
  remainingMillis: number;
  dueAt: Date | null;
  /** When the worker warned of it and marked it breached. */
  warnedAt: Date | null;
  breachedAt: Date | null;
}

/** A ticket's SLA for staff: its tag and both clocks. */
export interface TicketSlaView {
  tag: SlaTag;
  clocks: SlaClockView[];
}

/** A file that came with an e-mail on the ticket: its content is kept only when it was within the size limit. */
export interface TicketAttachmentView {
  id: string;
  filename: string | null;
  contentType: string;
  sizeBytes: number;
  stored: boolean;
}

/** One message as the caller may see it; a consumer sees only public ones, and KS's as "KS". */
export interface TicketMessageView {
  id: string;
  attachments: TicketAttachmentView[];
  visibility: TicketMessage['visibility'];
  author: TicketMessage['author'];
  authorLabel: string;
  channel: TicketMessage['channel'];
  body: string;
  createdAt: Date;
}

export interface TicketLinkView {
  id: string;
  kind: TicketLink['kind'];
  reference: string;
  targetId: string;
  createdAt: Date;
}

/** A ticket with its messages: staff see internal notes and links, a consumer neither. */
export interface TicketView extends TicketSummary {
  messages: TicketMessageView[];
  links: TicketLinkView[];
  mergedInto: { id: string; reference: string } | null;
  merged: Array<{ id: string; reference: string; subject: string }>;
}

/** What staff see of KS's authors is the person; what a consumer sees is KS. */
export const KS_AUTHOR = 'KS';

export function toTicketSummary(t: Ticket, consumerName: string | null, groupName: string | null = null): TicketSummary {
  return {
    id: t.id,
    reference: t.reference,
    consumerId: t.consumerId,
    consumerName,
    unverified: t.unverified,
    requesterName: t.requesterName,
    requesterEmail: t.requesterEmail,
    subject: t.subject,
    category: t.category,
    serviceCode: t.serviceCode,
    priority: t.priority,
    status: t.status,
    channel: t.channel,
    assignee: t.assigneeId ? { id: t.assigneeId, name: t.assigneeName ?? '' } : null,
    group: t.groupId ? { id: t.groupId, name: groupName ?? '' } : null,
    tags: t.tags,
    firstResponseAt: t.firstResponseAt,
    resolvedAt: t.resolvedAt,
    slaDueAt: [t.slaFirstResponseDueAt, t.slaResolutionDueAt].reduce<Date | null>((a, b) => (a && (!b || a <= b) ? a : b), null),
    lastMessageAt: t.lastMessageAt,
    createdAt: t.createdAt,
  };
}

export function toMessageView(m: TicketMessage, forStaff: boolean, attachments: TicketAttachmentView[] = []): TicketMessageView {
  return {
    id: m.id,
    attachments,
    visibility: m.visibility,
    author: m.author,
    authorLabel: m.author === 'staff' && !forStaff ? KS_AUTHOR : m.authorLabel,
    channel: m.channel,
    body: m.body,
    createdAt: m.createdAt,
  };
}

export function toLinkView(l: TicketLink): TicketLinkView {
  return { id: l.id, kind: l.kind, reference: l.reference, targetId: l.targetId, createdAt: l.createdAt };
}

import {
  type CannedResponse,
  cannedResponseVersion,
  type SlaState,
  type SlaTag,
  TICKET_CATEGORIES,
  TICKET_LINK_KINDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketActivity,
  type TicketCounts,
  type TicketLinkKind,
  type TicketSlaView,
  type TicketSort,
  type TicketStatus,
  type TicketSummary,
  type TicketTimelineEvent,
  type TicketView,
} from '@domain/support';
import type { Page } from '@platform/database';

import type { AssignableStaff } from '../shared/assignment-choices';
import { choices, type FormBody, list as listOf, text } from '../shared/form-body';
import { linkedFailure } from '../shared/form-errors';
import { listHref, type ListLinks, type ListQuery, pagination, sortHeader } from '../shared/list-query';
import { sizeText } from '../shared/numbers';
import type { FormFailure } from '../shared/page-form';
import {
  ACTIVITY_TEXTS,
  CANNED_TEXTS,
  CATEGORY_LABELS,
  CHANGE_REQUEST_STATUS_LABELS,
  CHANNEL_LABELS,
  INCIDENT_STATUS_LABELS,
  LINK_LABELS,
  LIST_TEXTS,
  ONBOARDING_STEP_LABELS,
  PORTAL_STATUS_LABELS,
  PORTAL_TEXTS,
  PRIORITY_LABELS,
  REPORT_CHANNEL_LABELS,
  SLA_TAG_COLORS,
  SLA_TAG_LABELS,
  SLA_TARGET_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  TICKET_NOUN,
  TICKET_TEXTS,
  TIMELINE_TEXTS,
} from './support.texts.nb';
import { TICKET_LIST, type TicketListQuery } from './ticket.forms';

const OSLO_DATETIME = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });
const osloDateTime = (d: Date) => OSLO_DATETIME.format(d);

export interface Option {
  value: string;
  label: string;
}

const select = (pairs: Option[], chosen: string | null | undefined) => pairs.map((p) => ({ ...p, selected: p.value === (chosen ?? '') }));
const failureOf = (failure: FormFailure | undefined, ...forms: string[]) => (failure && forms.includes(failure.form) ? failure : undefined);
const errorsOf = (failure: FormFailure | undefined) => Object.fromEntries((failure?.fieldErrors ?? []).map((f) => [f.name, f.message]));

/** The list's bulk form: the changes and the reply (the selection is the list itself). */
const BULK_FIELD_IDS = {
  status: 'bulk-status',
  priority: 'bulk-priority',
  assigneeId: 'bulk-assignee',
  groupId: 'bulk-group',
  cannedResponseId: 'bulk-canned',
  body: 'bulk-body',
};

const TAG_OF_STATE: Record<SlaState, SlaTag> = {
  running: 'on_track',
  warning: 'warning',
  breached: 'breached',
  paused: 'paused',
  met: 'met',
};

/** Business time as staff read it: «2 t 15 min». */
export function businessDuration(millis: number): string {
  const minutes = Math.round(Math.abs(millis) / 60_000);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return h && m ? `${h} t ${m} min` : h ? `${h} t` : `${m} min`;
}

/** A ticket's SLA on its page: the tag, and per clock its state, due instant and business time left (or over). */
export function slaViewModel(sla: TicketSlaView) {
  return {
    tagLabel: SLA_TAG_LABELS[sla.tag],
    tagColor: SLA_TAG_COLORS[sla.tag],
    clocks: sla.clocks.map((c) => ({
      label: SLA_TARGET_LABELS[c.target],
      stateLabel: SLA_TAG_LABELS[TAG_OF_STATE[c.state]],
      stateColor: SLA_TAG_COLORS[TAG_OF_STATE[c.state]],
      target: businessDuration(c.targetMillis),
      dueAt: c.dueAt,
      left:
        c.state === 'met'
          ? null
          : c.remainingMillis < 0
            ? `${businessDuration(c.remainingMillis)} over fristen`
            : `${businessDuration(c.remainingMillis)} igjen${c.state === 'paused' ? ' (pauset)' : ''}`,
      warnedAt: c.warnedAt,
      breachedAt: c.breachedAt,
    })),
  };
}

/** One ticket as a row of staff's list or the portal's; `now` tells staff which due instants have passed. */
export function ticketRow(t: TicketSummary, portal = false, now = new Date()) {
  return {
    id: t.id,
    reference: t.reference,
    subject: t.subject,
    consumerName: t.consumerName ?? TICKET_TEXTS.unknownConsumer,
    unverifiedLabel: t.unverified ? TICKET_TEXTS.unverified : null,
    categoryLabel: CATEGORY_LABELS[t.category],
    statusLabel: (portal ? PORTAL_STATUS_LABELS : STATUS_LABELS)[t.status],
    statusColor: STATUS_COLORS[t.status],
    priorityLabel: PRIORITY_LABELS[t.priority],
    urgent: t.priority === 'urgent' || t.priority === 'high',
    assigneeName: t.assignee?.name ?? TICKET_TEXTS.noAssignee,
    groupName: t.group?.name ?? TICKET_TEXTS.noGroup,
    createdAt: t.createdAt,
    lastMessageAt: t.lastMessageAt,
    slaDueAt: t.slaDueAt,
    slaOverdue: t.slaDueAt !== null && t.slaDueAt <= now,
  };
}

// The deadline and the last activity right after status and priority: on a laptop they are on screen.
const COLUMNS: Array<[keyof typeof LIST_TEXTS.columns, TicketSort | null]> = [
  ['reference', 'reference'],
  ['subject', 'subject'],
  ['consumer', null],
  ['status', 'status'],
  ['priority', 'priority'],
  ['due', 'due'],
  ['updated', 'updated'],
  ['assignee', null],
  ['group', null],
  ['category', null],
];

export interface TicketListData {
  tickets: Page<TicketSummary>;
  counts: TicketCounts;
  services: Option[];
  staff: AssignableStaff[];
  /** Active assignment groups. */
  groups: Option[];
  canned: CannedResponse[];
  now: Date;
}

/** Staff's list: saved views with counts, filter, sortable columns, pages, and the forms acting on the ticked rows. */
export function ticketListViewModel(data: TicketListData, q: TicketListQuery, list: ListQuery<TicketSort>, failure?: FormFailure) {
  const links: ListLinks<TicketSort> = { path: '/tickets', filter: { ...q }, query: list };
  const countOf = (status: TicketStatus) => data.counts.byStatus.find((s) => s.status === status)?.count ?? 0;
  const view = (label: string, filter: TicketListQuery, count: number) => {
    const href = listHref('/tickets', { ...filter });
    const current = ['status', 'assignee', 'group', 'service', 'due'].every(
      (k) => (q[k as keyof TicketListQuery] ?? '') === (filter[k as keyof TicketListQuery] ?? ''),
    );
    return { label, href, tally: count, current: current && !q.q };
  };
  const serviceName = new Map(data.services.map((s) => [s.value, s.label]));
  const groupName = new Map(data.groups.map((g) => [g.value, g.label]));
  // A refused change or answer to the ticked rows shows the form again as it was sent.
  const bulkFailure = failureOf(failure, 'bulk', 'bulk-reply');
  const sent: FormBody = bulkFailure?.body ?? {};
  const ticked = new Set(listOf(sent.ids));
  const tickets = data.tickets.items.map((t) => ({ ...ticketRow(t, false, data.now), ticked: ticked.has(t.id) }));
  // «Velg minst én» leads to the first row's box.
  const bulkFieldIds = tickets.length ? { ...BULK_FIELD_IDS, ids: `select-${tickets[0].id}` } : BULK_FIELD_IDS;
  return {
    title: LIST_TEXTS.title,
    views: [
      view(LIST_TEXTS.views.mine, { assignee: 'me' }, data.counts.mine),
      view(LIST_TEXTS.views.unassigned, { assignee: 'none' }, data.counts.unassigned),
      view(LIST_TEXTS.views.myGroups, { group: 'mine' }, data.counts.myGroups),
      view(LIST_TEXTS.views.unassignedInMyGroups, { group: 'mine', assignee: 'none' }, data.counts.unassignedInMyGroups),
      view(LIST_TEXTS.views.dueToday, { due: 'today' }, data.counts.dueToday),
      ...(['new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten'] as const).map((s) =>
        view(STATUS_LABELS[s], { status: s }, countOf(s)),
      ),
    ],
    serviceViews: data.counts.byService.map((s) =>
      view(
        s.serviceCode ? (serviceName.get(s.serviceCode) ?? s.serviceCode) : LIST_TEXTS.noService,
        { service: s.serviceCode ?? '-' },
        s.count,
      ),
    ),
    // An archived group takes no new tickets, so it is no view of its own; the API's counts still name it.
    groupViews: data.counts.byGroup
      .filter((g) => !g.groupId || groupName.has(g.groupId))
      .map((g) => view(g.groupId ? groupName.get(g.groupId)! : LIST_TEXTS.noGroup, { group: g.groupId ?? 'none' }, g.count))
      .sort((a, b) => a.label.localeCompare(b.label, 'nb')),
    tickets,
    columns: COLUMNS.map(([column, key]) => {
      const label = LIST_TEXTS.columns[column];
      return key ? { sortable: true, ...sortHeader(links, TICKET_LIST, key, label) } : { sortable: false, label };
    }),
    pagination: pagination(links, data.tickets.total, TICKET_NOUN),
    filter: q,
    filtered: Object.values(q).some(Boolean),
    statusOptions: select(
      [
        { value: '', label: LIST_TEXTS.active },
        { value: 'all', label: LIST_TEXTS.all },
        ...TICKET_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
      ],
      q.status,
    ),
    assigneeFilterOptions: select(
      [
        { value: '', label: LIST_TEXTS.all },
        { value: 'me', label: LIST_TEXTS.views.mine },
        { value: 'none', label: LIST_TEXTS.views.unassigned },
      ],
      q.assignee,
    ),
    serviceOptions: select(
      [{ value: '', label: LIST_TEXTS.all }, { value: '-', label: LIST_TEXTS.noService }, ...data.services],
      q.service,
    ),
    groupFilterOptions: select(
      [
        { value: '', label: LIST_TEXTS.all },
        { value: 'mine', label: LIST_TEXTS.views.myGroups },
        { value: 'none', label: LIST_TEXTS.noGroup },
        ...data.groups,
      ],
      q.group,
    ),
    bulk: {
      statusOptions: select(
        [{ value: '', label: '—' }, ...TICKET_STATUSES.filter((s) => s !== 'new').map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
        text(sent.status),
      ),
      priorityOptions: select(
        [{ value: '', label: '—' }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))],
        text(sent.priority),
      ),
      assigneeOptions: select([{ value: '', label: '—' }, ...data.staff], text(sent.assigneeId)),
      groupOptions: select([{ value: '', label: '—' }, { value: 'none', label: TICKET_TEXTS.noGroup }, ...data.groups], text(sent.groupId)),
      cannedOptions: select(
        [{ value: '', label: '—' }, ...data.canned.map((c) => ({ value: c.id, label: c.title }))],
        text(sent.cannedResponseId),
      ),
      body: text(sent.body),
      failure: linkedFailure(bulkFailure, bulkFieldIds),
    },
  };
}

/** What one timeline event says, in Norwegian, from its details. */
export function timelineText(e: TicketTimelineEvent): string {
  switch (e.kind) {
    case 'opened':
      return `${TIMELINE_TEXTS.opened} (${CHANNEL_LABELS[e.details.channel]})`;
    case 'message_added':
      return e.details.visibility === 'internal'
        ? `${TICKET_TEXTS.internal} skrevet`
        : e.details.author === 'staff'
          ? `Svar sendt${e.details.emailed ? ` på e-post til ${e.details.emailed} mottaker${e.details.emailed === 1 ? '' : 'e'}` : ''}`
          : `${TICKET_TEXTS.fromRequester} (${CHANNEL_LABELS[e.details.channel]})`;
    case 'status_changed':
      return `${TIMELINE_TEXTS.status_changed}: ${STATUS_LABELS[e.details.from]} → ${STATUS_LABELS[e.details.to]}`;
    case 'assigned':
      return `${TIMELINE_TEXTS.assigned}: ${e.details.to ?? TICKET_TEXTS.noAssignee}`;
    case 'group_set':
      return `${TIMELINE_TEXTS.group_set}: ${e.details.to ?? TICKET_TEXTS.noGroup}${e.details.routed ? ` (${TICKET_TEXTS.routed})` : ''}`;
    case 'priority_set':
      return `${TIMELINE_TEXTS.priority_set}: ${PRIORITY_LABELS[e.details.from]} → ${PRIORITY_LABELS[e.details.to]}`;
    case 'consumer_set':
      return `${TIMELINE_TEXTS.consumer_set}: ${e.details.toName}`;
    case 'tags_set':
      return `${TIMELINE_TEXTS.tags_set}: ${e.details.to.join(', ') || TICKET_TEXTS.noAssignee}`;
    case 'linked':
    case 'unlinked':
      return `${TIMELINE_TEXTS[e.kind]}: ${LINK_LABELS[e.details.kind]} ${e.details.reference}`;
    case 'merged_in':
      return `${TIMELINE_TEXTS.merged_in}: ${e.details.from}`;
    case 'merged_into':
      return `${TIMELINE_TEXTS.merged_into}: ${e.details.into}`;
    case 'unmerged_out':
      return `${TIMELINE_TEXTS.unmerged_out}: ${e.details.to}`;
    case 'unmerged':
      return `${TIMELINE_TEXTS.unmerged}: ${e.details.from}`;
    case 'sla_warned':
      return `${TIMELINE_TEXTS.sla_warned}: ${SLA_TARGET_LABELS[e.details.target]} innen ${osloDateTime(new Date(e.details.dueAt))} (${e.details.emailed} mottaker${e.details.emailed === 1 ? '' : 'e'})`;
    case 'sla_breached':
      return `${TIMELINE_TEXTS.sla_breached}: ${SLA_TARGET_LABELS[e.details.target]} (frist ${osloDateTime(new Date(e.details.dueAt))})`;
  }
}

/** What an event on a linked item says, in Norwegian; a restricted security case says only that something happened. */
export function linkedActivityText(a: Exclude<TicketActivity, { source: 'ticket' }>): string {
  const T = ACTIVITY_TEXTS;
  switch (a.source) {
    case 'report':
    case 'incident': {
      const what = a.entry.what;
      if (!what) return T.restricted;
      if (what.of === 'report')
        switch (what.kind) {
          case 'received':
            return T.report.received(REPORT_CHANNEL_LABELS[what.details.channel]);
          case 'grouped':
            return what.details.action === 'open' ? T.report.opened(what.details.incident) : T.report.attached(what.details.incident);
          case 'moved':
            return T.report.moved(what.details.incident);
          case 'resolved':
            return T.report.resolved(what.details.incident);
          case 'reopened':
            return T.report.reopened(what.details.incident);
        }
      switch (what.kind) {
        case 'opened':
          return T.incident.opened;
        case 'triaged':
          return what.details.status ? T.incident.triagedTo(INCIDENT_STATUS_LABELS[what.details.status]) : T.incident.triaged;
        case 'escalated':
          return T.incident.escalated;
        case 'escalation_sent':
          return T.incident.escalationSent;
        case 'escalation_cancelled':
          return T.incident.escalationCancelled;
        case 'resolved':
          return T.incident.resolved;
        case 'reopened':
          return T.incident.reopened(INCIDENT_STATUS_LABELS[what.details.status]);
        case 'merged_in':
          return T.incident.mergedIn(what.details.from);
        case 'merged_into':
          return T.incident.mergedInto(what.details.into);
        case 'split':
          return T.incident.split(what.details.into);
        case 'security_step':
          return T.incident.securityStep;
      }
      break;
    }
    case 'onboarding': {
      const e = a.entry;
      return e.kind === 'step'
        ? T.onboarding.step(e.serviceCode, ONBOARDING_STEP_LABELS[e.details.step])
        : T.onboarding.checklist(e.serviceCode, e.details.label);
    }
    case 'change_request': {
      const e = a.entry;
      switch (e.kind) {
        case 'submitted':
          return T.changeRequest.submitted;
        case 'supported':
          return T.changeRequest.supported;
        case 'assessed':
          return e.details.from && e.details.to
            ? T.changeRequest.statusChanged(CHANGE_REQUEST_STATUS_LABELS[e.details.from], CHANGE_REQUEST_STATUS_LABELS[e.details.to])
            : T.changeRequest.assessed;
        case 'forwarded':
          return T.changeRequest.forwarded(CHANGE_REQUEST_STATUS_LABELS.forwarded);
        case 'answered':
          return T.changeRequest.answered(CHANGE_REQUEST_STATUS_LABELS.answered);
        case 'merged':
          return e.details.into ? T.changeRequest.mergedInto(e.details.into) : T.changeRequest.merged;
        case 'unmerged':
          return T.changeRequest.unmerged;
        case 'reply_received':
          return T.changeRequest.replyReceived;
        default:
          return e satisfies never;
      }
    }
  }
  return T.restricted;
}

/** Where a linked item's event is read: a report's on the incident that holds it. */
function linkedActivityHref(a: Exclude<TicketActivity, { source: 'ticket' }>): string | null {
  if (a.source === 'report') return `/incidents/${a.entry.incidentId}`;
  return linkHref(a.link.kind, a.link.targetId);
}

/** One row of the activity timeline: the ticket's own event, or a linked item's with its source and a link to it. */
export function activityRow(a: TicketActivity) {
  if (a.source === 'ticket') return { at: a.at, actor: a.event.actorLabel, text: timelineText(a.event), linked: null };
  const restricted = (a.source === 'report' || a.source === 'incident') && a.entry.restricted;
  return {
    at: a.at,
    actor: a.entry.actorLabel,
    text: linkedActivityText(a),
    linked: { label: `${LINK_LABELS[a.link.kind]} ${a.link.reference}`, href: restricted ? null : linkedActivityHref(a), restricted },
  };
}

/** Where a linked object's page is; a report is read on its incident's page, reached from the incident link. */
export function linkHref(kind: TicketLinkKind, targetId: string): string | null {
  switch (kind) {
    case 'incident':
      return `/incidents/${targetId}`;
    case 'change_request':
      return `/change-requests/${targetId}`;
    case 'ticket':
      return `/tickets/${targetId}`;
    case 'onboarding':
      return `/consumers/${targetId}`;
    case 'report':
      return null;
  }
}

/** Each message, KS's notes set apart from what the consumer sees. */
function messageRows(t: TicketView) {
  return t.messages.map((m) => ({
    id: m.id,
    body: m.body,
    createdAt: m.createdAt,
    internal: m.visibility === 'internal',
    fromStaff: m.author === 'staff',
    kindLabel:
      m.visibility === 'internal' ? TICKET_TEXTS.internal : m.author === 'staff' ? TICKET_TEXTS.public : TICKET_TEXTS.fromRequester,
    author: m.authorLabel,
    channelLabel: CHANNEL_LABELS[m.channel],
    attachments: m.attachments.map((a) => ({
      id: a.id,
      filename: a.filename ?? TICKET_TEXTS.unnamedFile,
      contentType: a.contentType,
      sizeText: sizeText(a.sizeBytes),
      stored: a.stored,
    })),
  }));
}

export interface StaffTicketData {
  ticket: TicketView;
  timeline: TicketActivity[];
  staff: AssignableStaff[];
  /** Active assignment groups. */
  groups: Option[];
  canned: CannedResponse[];
  /** Live tickets of the same consumer it could be merged into. */
  candidates: TicketSummary[];
  serviceName: string | null;
  sla: TicketSlaView;
  /** Published articles that fit the ticket's question. */
  suggestions: SuggestedArticle[];
  /** Where the public help pages are, with a trailing slash: the links staff put in an answer. */
  helpUrl: string;
  /** Every consumer, to say whose the ticket is. */
  consumers: Option[];
  /** An unverified sender: the consumers whose registered contact the address is. */
  senderConsumers: string[];
}

const REPLY_FIELD_IDS = { body: 'reply-body', cannedResponseId: 'reply-canned', replyStatus: 'reply-status' };

/** Where the ticket page's forms have their fields (element ids by field name), so the summary of a refusal leads to them. */
const TICKET_FIELD_IDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  messages: REPLY_FIELD_IDS,
  reply: REPLY_FIELD_IDS,
  consumer: { consumerId: 'consumer-id' },
  update: {
    status: 'update-status',
    priority: 'update-priority',
    groupId: 'update-group',
    assigneeId: 'update-assignee',
    tags: 'update-tags',
  },
  links: { kind: 'link-kind', reference: 'link-reference' },
  merge: { intoId: 'merge-into' },
};

/** A ticket for staff: the conversation with notes set apart, the reply form, status and the rest, links, merge, timeline. */
export function staffTicketViewModel(data: StaffTicketData, failure?: FormFailure) {
  const t = data.ticket;
  const shownAt = (...forms: string[]) => {
    const failed = failureOf(failure, ...forms);
    return linkedFailure(failed, TICKET_FIELD_IDS[failed?.form ?? ''] ?? {});
  };
  // Without another open ticket to merge with, the page has no field for the refusal to lead to.
  const mergeOptions = data.candidates.filter((c) => c.id !== t.id).map((c) => ({ value: c.id, label: `${c.reference}: ${c.subject}` }));
  const values: FormBody = failureOf(failure, 'update')?.body ?? {};
  const replyValues: FormBody = failureOf(failure, 'messages', 'reply')?.body ?? {};
  const linkValues: FormBody = failureOf(failure, 'links')?.body ?? {};
  return {
    title: TICKET_TEXTS.title(t.reference, t.subject),
    ticket: {
      ...ticketRow(t),
      ...(t.mergedInto ? { statusLabel: TICKET_TEXTS.merged, statusColor: 'neutral' } : {}),
      requesterName: t.requesterName,
      requesterEmail: t.requesterEmail,
      consumerId: t.consumerId,
      channelLabel: CHANNEL_LABELS[t.channel],
      serviceName: data.serviceName ?? t.serviceCode,
      tags: t.tags,
      firstResponseAt: t.firstResponseAt,
      resolvedAt: t.resolvedAt,
      mergedInto: t.mergedInto,
      merged: t.merged,
    },
    live: !t.mergedInto,
    sla: slaViewModel(data.sla),
    messages: messageRows(t),
    timeline: data.timeline.map(activityRow),
    timelineHasLinked: data.timeline.some((a) => a.source !== 'ticket'),
    activityLegend: ACTIVITY_TEXTS.legend,
    reply: {
      body: typeof replyValues.body === 'string' ? replyValues.body : '',
      // A refused reply keeps the choices made with it, not only the text.
      cannedOptions: select(
        [{ value: '', label: '—' }, ...data.canned.map((c) => ({ value: c.id, label: c.title }))],
        text(replyValues.cannedResponseId),
      ),
      statusOptions: select(
        [{ value: '', label: '—' }, ...TICKET_STATUSES.filter((s) => s !== 'new').map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
        text(replyValues.replyStatus),
      ),
      failure: shownAt('messages', 'reply'),
    },
    update: {
      statusOptions: select(
        TICKET_STATUSES.filter((s) => s !== 'new' || t.status === 'new').map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        (values.status as string | undefined) ?? t.status,
      ),
      priorityOptions: select(
        TICKET_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
        (values.priority as string | undefined) ?? t.priority,
      ),
      assigneeOptions: select(
        [{ value: '', label: TICKET_TEXTS.noAssignee }, ...data.staff],
        (values.assigneeId as string | undefined) ?? t.assignee?.id,
      ),
      // An archived group the ticket is still in stays chosen, under its name.
      groupOptions: select(
        [
          { value: 'none', label: TICKET_TEXTS.noGroup },
          ...data.groups,
          ...(t.group && !data.groups.some((g) => g.value === t.group!.id) ? [{ value: t.group.id, label: t.group.name }] : []),
        ],
        (values.groupId as string | undefined) ?? t.group?.id ?? 'none',
      ),
      // The values as shown: the form changes only what the person changed, so a change someone
      // else made meanwhile to another field is kept, not set back.
      currentStatus: t.status,
      currentPriority: t.priority,
      currentGroupId: t.group?.id ?? '',
      currentAssigneeId: t.assignee?.id ?? '',
      currentTags: t.tags.join(', '),
      tags: typeof values.tags === 'string' ? values.tags : t.tags.join(', '),
      failure: shownAt('update'),
    },
    links: {
      items: t.links.map((l) => ({ ...l, kindLabel: LINK_LABELS[l.kind], href: linkHref(l.kind, l.targetId) })),
      // A refused link keeps its kind and reference, so a mistyped reference is corrected, not typed again.
      kindOptions: TICKET_LINK_KINDS.map((k) => ({ value: k, label: LINK_LABELS[k], selected: k === linkValues.kind })),
      reference: typeof linkValues.reference === 'string' ? linkValues.reference : '',
      referenceInvalid: failureOf(failure, 'links') !== undefined,
      failure: shownAt('links', 'unlink'),
    },
    suggestions: data.suggestions.map((a) => ({
      id: a.id,
      title: a.title,
      answer: a.answer,
      href: `${data.helpUrl}${a.slug}`,
      insert: `${a.title}: ${data.helpUrl}${a.slug}`,
    })),
    consumer: {
      options: select(
        [{ value: '', label: TICKET_TEXTS.chooseConsumer }, ...data.consumers],
        (failureOf(failure, 'consumer')?.body.consumerId as string | undefined) ?? t.consumerId,
      ),
      senderConsumers: data.senderConsumers.length ? TICKET_TEXTS.senderConsumers(data.senderConsumers) : null,
      failure: shownAt('consumer'),
    },
    merge: {
      options: mergeOptions,
      failure: linkedFailure(failureOf(failure, 'merge', 'unmerge'), mergeOptions.length ? TICKET_FIELD_IDS.merge : {}),
    },
  };
}

/** The fields of the form for a caller's question, in the order the form shows them, by element id. */
const NEW_TICKET_FIELD_IDS: Readonly<Record<string, string>> = {
  consumerId: 't-consumer',
  requesterName: 't-name',
  requesterEmail: 't-email',
  category: 't-category',
  service: 't-service',
  priority: 't-priority',
  subject: 't-subject',
  body: 't-body',
};
const NEW_TICKET_FIELD_ORDER = Object.keys(NEW_TICKET_FIELD_IDS);

/** Staff registering a call or an e-mail on behalf of a caller. */
export function newTicketViewModel(consumers: Option[], services: Option[], values: FormBody, failure?: FormFailure) {
  const chosen = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  // The summary lists the fields as the form does, each leading to its control.
  const position = (name: string) => NEW_TICKET_FIELD_ORDER.indexOf(name) + 1 || NEW_TICKET_FIELD_ORDER.length + 1;
  const inFormOrder = failure && {
    ...failure,
    fieldErrors: [...failure.fieldErrors].sort((a, b) => position(a.name) - position(b.name)),
  };
  return {
    title: 'Registrer henvendelse',
    values,
    errors: errorsOf(failure),
    failure: linkedFailure(inFormOrder, NEW_TICKET_FIELD_IDS),
    consumerOptions: select([{ value: '', label: LIST_TEXTS.none }, ...consumers], chosen('consumerId')),
    serviceOptions: select([{ value: '', label: PORTAL_TEXTS.noService }, ...services], chosen('service')),
    categoryOptions: choices(TICKET_CATEGORIES, CATEGORY_LABELS, chosen('category') ?? 'other'),
    priorityOptions: choices(TICKET_PRIORITIES, PRIORITY_LABELS, chosen('priority') ?? 'normal'),
  };
}

/** The portal's list of the organisation's own tickets. */
export function portalListViewModel(tickets: { items: TicketSummary[]; total: number }, list: ListQuery<'updated'>) {
  return {
    title: PORTAL_TEXTS.listTitle,
    layout: 'portal',
    tickets: tickets.items.map((t) => ticketRow(t, true)),
    pagination: pagination({ path: '/portal/tickets', filter: {}, query: list }, tickets.total, TICKET_NOUN),
  };
}

/** A ticket in the portal: only public messages reach this far; the reply form while it is not closed. */
export function portalTicketViewModel(t: TicketView, failure?: FormFailure) {
  return {
    title: TICKET_TEXTS.title(t.reference, t.subject),
    layout: 'portal',
    ticket: { ...ticketRow(t, true), mergedInto: t.mergedInto },
    messages: messageRows(t).filter((m) => !m.internal),
    canReply: t.status !== 'closed' && !t.mergedInto,
    body: failure && typeof failure.body.body === 'string' ? failure.body.body : '',
    failure: linkedFailure(failure, { body: 'reply-body' }),
    errors: errorsOf(failure),
  };
}

/** An article suggested for what is being written: its title, short answer and public help page. */
export interface SuggestedArticle {
  id: string;
  slug: string;
  title: string;
  answer: string;
}

/**
 * The portal's «Still et spørsmål». After the check step (`suggestions` given) it shows the
 * articles that fit, and the form posts the question itself; before it, the form asks for them.
 */
export function askFormViewModel(
  services: Option[],
  values: FormBody,
  failure?: FormFailure,
  suggestions?: SuggestedArticle[],
  identityNumber = false,
) {
  const chosen = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    title: PORTAL_TEXTS.askTitle,
    layout: 'portal',
    checked: !!suggestions,
    /** The check step found what looks like an identity number: it is masked if sent. */
    identityNumber,
    suggestions: (suggestions ?? []).map((a) => ({ id: a.id, slug: a.slug, title: a.title, answer: a.answer })),
    submissionId: chosen('submissionId') ?? '',
    values,
    errors: errorsOf(failure),
    error: failure?.error,
    errorSummary: failure?.fieldErrors ?? [],
    categoryOptions: choices(TICKET_CATEGORIES, CATEGORY_LABELS, chosen('category')),
    serviceOptions: select([{ value: '', label: PORTAL_TEXTS.noService }, ...services], chosen('service')),
  };
}

/** Staff's canned responses and macros, with the form for a new one (or the one being corrected). */
export function cannedViewModel(canned: CannedResponse[], failure?: FormFailure) {
  // What was entered goes back to the form it came from: a refused edit's text is not a new response.
  const values: FormBody = failure && !failure.params.id ? failure.body : {};
  return {
    title: CANNED_TEXTS.title,
    responses: canned.map((c) => {
      // A refused edit shows what was entered, with the version stored now: saving again overwrites knowingly.
      const refused = failure?.params.id === c.id ? failure : undefined;
      const entered = refused
        ? { title: text(refused.body.title), body: text(refused.body.body), setStatus: text(refused.body.setStatus) }
        : c;
      return {
        id: c.id,
        storedTitle: c.title,
        title: entered.title,
        body: entered.body,
        version: cannedResponseVersion(c),
        statusLabel: c.setStatus ? STATUS_LABELS[c.setStatus] : CANNED_TEXTS.noStatus,
        failure: refused,
        statusOptions: select(
          [{ value: '', label: CANNED_TEXTS.noStatus }, ...TICKET_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
          entered.setStatus ?? '',
        ),
      };
    }),
    values,
    failure: failure && !failure.params.id ? failure : undefined,
    errors: failure && !failure.params.id ? errorsOf(failure) : {},
    statusOptions: select(
      [{ value: '', label: CANNED_TEXTS.noStatus }, ...TICKET_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))],
      typeof values.setStatus === 'string' ? values.setStatus : '',
    ),
  };
}

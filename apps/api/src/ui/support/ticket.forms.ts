import {
  TICKET_CATEGORIES,
  TICKET_LINK_KINDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketCategory,
  type TicketChanges,
  type TicketFilter,
  type TicketLinkKind,
  type TicketQuestion,
  type TicketReply,
  type TicketSort,
} from '@domain/support';
import { ValidationFailed } from '@platform/errors';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';

import { type FormBody, leftAsShown, list, oneOf, text } from '../shared/form-body';
import type { ListSpec } from '../shared/list-query';

// The messages people read come from the field texts (support.texts.nb.ts), by field name.

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const SUBMISSION = /^[\w.:-]{8,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The portal's «Still et spørsmål», as the browser posts it. */
export class AskTicketForm {
  @IsIn(TICKET_CATEGORIES)
  category: TicketCategory;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  service?: string;

  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  subject: string;

  @Transform(trimmed)
  @IsString()
  @Length(1, 20000)
  body: string;

  /** The form being filled in: its suggestions are counted once each. */
  @IsOptional()
  @IsString()
  @Matches(SUBMISSION)
  submissionId?: string;
}

/** «Dette løste saken» on a suggestion: the article that made the question unnecessary, on the form being filled in. */
export class SolvedQuestionForm {
  @IsUUID('all')
  articleId: string;

  @IsString()
  @Matches(SUBMISSION)
  submissionId: string;
}

/** The consumer's reply on its ticket. */
export class PortalReplyForm {
  @Transform(trimmed)
  @IsString()
  @Length(1, 20000)
  body: string;
}

export const TICKET_LIST: ListSpec<TicketSort> = {
  sorts: { reference: 'desc', subject: 'asc', status: 'asc', priority: 'asc', created: 'desc', updated: 'desc', due: 'asc' },
  defaultSort: 'updated',
  pageSize: 50,
};

/** The list's filter as the query string carries it; the saved views are links that set it. */
export interface TicketListQuery {
  /** '' active ones, 'all', or one status. */
  status?: string;
  /** 'me', 'none', or empty for anyone. */
  assignee?: string;
  /** 'mine' (the staff member's groups), 'none', a group's id, or empty for any. */
  group?: string;
  /** A service code, or '-' for tickets about no service. */
  service?: string;
  /** 'today': «Brytes i dag». */
  due?: 'today';
  q?: string;
}

export function ticketListQuery(q: Record<string, unknown>): TicketListQuery {
  return {
    status: text(q.status) || undefined,
    assignee: oneOf(q.assignee, ['me', 'none'] as const),
    group: oneOf(q.group, ['mine', 'none'] as const) ?? (UUID.test(text(q.group)) ? text(q.group) : undefined),
    service: text(q.service).slice(0, 64) || undefined,
    due: oneOf(q.due, ['today'] as const),
    q: text(q.q).slice(0, 200) || undefined,
  };
}

const ACTIVE: TicketFilter['statuses'] = ['new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten'];

export function ticketFilter(q: TicketListQuery, staffId: string): TicketFilter {
  const status = oneOf(q.status, TICKET_STATUSES);
  return {
    statuses: q.status === 'all' ? undefined : status ? [status] : ACTIVE,
    assignee: q.assignee === 'me' ? staffId : q.assignee,
    ...(q.group === 'mine' ? { groupsOf: staffId } : { group: q.group }),
    serviceCode: q.service === '-' ? '' : q.service,
    dueToday: q.due === 'today' || undefined,
    search: q.q,
  };
}

/**
 * Staff's form of status, priority, group, assignee and tags; an empty assignee takes the ticket
 * from everyone, group `none` takes it out of its group and an empty group leaves it (the list's
 * bulk form). The ticket's page sends every value it showed (`currentStatus`, `currentPriority`,
 * `currentGroupId`, `currentAssigneeId`, `currentTags`): one left as it was is no change, so a
 * field someone else changed meanwhile is not set back, and choosing only a new group lets it
 * drop an assignee who is not a member instead of refusing.
 */
export function ticketChanges(body: FormBody): TicketChanges {
  const fields = [];
  const status = text(body.status);
  const priority = text(body.priority);
  const assignee = text(body.assigneeId);
  const group = text(body.groupId);
  if (status && !oneOf(status, TICKET_STATUSES)) fields.push({ field: 'status', message: 'is not a status' });
  if (priority && !oneOf(priority, TICKET_PRIORITIES)) fields.push({ field: 'priority', message: 'is not a priority' });
  if (assignee && !UUID.test(assignee)) fields.push({ field: 'assigneeId', message: 'must name a staff member' });
  if (group && group !== 'none' && !UUID.test(group)) fields.push({ field: 'groupId', message: 'must name a group' });
  if (fields.length) throw new ValidationFailed(fields);
  const changes: TicketChanges = {};
  if (status && !leftAsShown(body, 'currentStatus', status)) changes.status = oneOf(status, TICKET_STATUSES);
  if (priority && !leftAsShown(body, 'currentPriority', priority)) changes.priority = oneOf(priority, TICKET_PRIORITIES);
  if (body.assigneeId !== undefined && !leftAsShown(body, 'currentAssigneeId', assignee)) changes.assigneeId = assignee || null;
  if (group && !leftAsShown(body, 'currentGroupId', group === 'none' ? '' : group)) changes.groupId = group === 'none' ? null : group;
  if (body.tags !== undefined && !leftAsShown(body, 'currentTags', text(body.tags))) changes.tags = text(body.tags).split(',');
  return changes;
}

/** The tickets ticked in the list. */
export function selectedIds(body: FormBody): string[] {
  const ids = list(body.ids).filter((id) => UUID.test(id));
  if (!ids.length) throw new ValidationFailed([{ field: 'ids', message: 'must name at least one ticket' }]);
  return ids;
}

/** A public answer or an internal note: the checkbox or the button pressed says which. */
export function staffMessage(body: FormBody): { body: string; internal: boolean } {
  return { body: text(body.body), internal: text(body.visibility) === 'internal' };
}

/** An answer from the list or the ticket: its own words or a canned response, and a status after it. */
export function replyInput(body: FormBody): TicketReply {
  const canned = text(body.cannedResponseId);
  if (canned && !UUID.test(canned)) throw new ValidationFailed([{ field: 'cannedResponseId', message: 'must name a canned response' }]);
  return { body: text(body.body), cannedResponseId: canned || undefined, status: oneOf(body.replyStatus, TICKET_STATUSES) };
}

export function linkInput(body: FormBody): { kind: TicketLinkKind; reference: string } {
  const kind = oneOf(body.kind, TICKET_LINK_KINDS);
  if (!kind) throw new ValidationFailed([{ field: 'kind', message: 'is not something a ticket links to' }]);
  return { kind, reference: text(body.reference) };
}

/** The consumer staff chose for a ticket. */
export function consumerChoice(body: FormBody): string {
  const id = text(body.consumerId);
  if (!UUID.test(id)) throw new ValidationFailed([{ field: 'consumerId', message: 'must name a consumer' }]);
  return id;
}

export function mergeTarget(body: FormBody): string {
  const id = text(body.intoId);
  if (!UUID.test(id)) throw new ValidationFailed([{ field: 'intoId', message: 'must name a ticket' }]);
  return id;
}

/** Staff registering a call or an e-mail: the caller's organisation (or none) and how to reach the caller. */
export function staffQuestion(body: FormBody): TicketQuestion {
  const consumer = text(body.consumerId);
  if (consumer && !UUID.test(consumer)) throw new ValidationFailed([{ field: 'consumerId', message: 'must name a consumer' }]);
  return {
    subject: text(body.subject),
    body: text(body.body),
    category: oneOf(body.category, TICKET_CATEGORIES) ?? 'other',
    service: text(body.service) || null,
    priority: oneOf(body.priority, TICKET_PRIORITIES) ?? 'normal',
    requesterName: text(body.requesterName) || null,
    requesterEmail: text(body.requesterEmail) || null,
    consumerId: consumer || null,
  };
}

export function cannedInput(body: FormBody) {
  const setStatus = text(body.setStatus);
  if (setStatus && !oneOf(setStatus, TICKET_STATUSES)) throw new ValidationFailed([{ field: 'setStatus', message: 'is not a status' }]);
  return { title: text(body.title), body: text(body.body), setStatus: oneOf(setStatus, TICKET_STATUSES) ?? null };
}

/**
 * Sends a stored attachment as a download with a safe name: the sender's name without any folders
 * it names (browsers drop them too, but a saved file should not depend on that); the browser is
 * told not to guess its type.
 */
export function sendAttachment(res: FastifyReply, file: { filename: string | null; contentType: string; content: Buffer }): void {
  const base = (file.filename ?? '').split(/[\\/]/).pop()!.replace(/^\.+/, '');
  const name = (base || 'vedlegg').replace(/[\r\n"\\]/g, '_');
  res.header('Content-Type', 'application/octet-stream');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header(
    'Content-Disposition',
    `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  res.send(file.content);
}

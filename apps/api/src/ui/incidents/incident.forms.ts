import {
  INCIDENT_SIDES,
  INCIDENT_STATUSES,
  OPEN_STATUSES,
  type QueueFilter,
  type QueueSort,
  type ReopenIncident,
  type ResolveIncident,
  SEVERITIES,
  type Severity,
  type TriageIncident,
  type WriteToMunicipalities,
} from '@domain/incidents';
import { ENVIRONMENTS } from '@domain/shared';
import { ValidationFailed } from '@platform/errors';

import { FormBody, leftAsShown, list, oneOf, pick, text } from '../shared/form-body';
import type { ListSpec } from '../shared/list-query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue's filter form as the query string carries it. */
export interface QueueQuery {
  status?: string;
  side?: string;
  service?: string;
  environment?: string;
  severity?: string;
  /** 'me' («Mine») or 'none' (nobody assigned). */
  assignee?: string;
  q?: string;
}

/** How the queue may be sorted (by impact, most severe first, unless chosen), 50 incidents a page. */
export const QUEUE_LIST: ListSpec<QueueSort> = {
  sorts: {
    impact: 'desc',
    reference: 'desc',
    title: 'asc',
    status: 'asc',
    consumers: 'desc',
    reports: 'desc',
    first: 'desc',
    last: 'desc',
  },
  defaultSort: 'impact',
  pageSize: 50,
};

export function queueQuery(q: Record<string, unknown>): QueueQuery {
  return {
    status: text(q.status),
    side: text(q.side),
    service: text(q.service),
    environment: text(q.environment),
    severity: text(q.severity),
    assignee: oneOf(q.assignee, ['me', 'none'] as const),
    q: text(q.q),
  };
}

/** Open incidents unless another status is chosen; «Mine» are those assigned to `staffId`. */
export function queueFilter(q: QueueQuery, staffId = ''): QueueFilter {
  const status =
    !q.status || q.status === 'open' ? OPEN_STATUSES : q.status === 'all' ? undefined : pick(q.status.split(','), INCIDENT_STATUSES);
  return {
    status,
    side: oneOf(q.side, INCIDENT_SIDES),
    service: q.service?.trim() || undefined,
    environment: oneOf(q.environment, ENVIRONMENTS),
    impact: pick((q.severity ?? '').split(','), SEVERITIES),
    assignee: q.assignee === 'me' ? staffId || 'none' : q.assignee,
    q: q.q?.trim().slice(0, 100) || undefined,
  };
}

/**
 * The triage form: only the fields changed from what the page showed (`currentSide`,
 * `currentSeverity`, `currentTitle`, `currentSkeCaseReference`). Saving a severity must neither
 * set back a case number a colleague entered meanwhile nor make the first report's own words the
 * title KS gave the incident, which other municipalities are then shown.
 */
export function triageInput(body: FormBody): Parameters<TriageIncident['execute']>[1] {
  const title = text(body.title);
  if (title.length > 200) throw new ValidationFailed([{ field: 'title', message: 'must be at most 200 characters' }]);
  const side = text(body.side);
  const severity = text(body.severity);
  const skeCaseReference = text(body.skeCaseReference).slice(0, 100);
  return {
    side: leftAsShown(body, 'currentSide', side) ? undefined : oneOf(side, INCIDENT_SIDES),
    severity: leftAsShown(body, 'currentSeverity', severity) ? undefined : ((oneOf(severity, SEVERITIES) as Severity | undefined) ?? null),
    title: title && !leftAsShown(body, 'currentTitle', title) ? title : undefined,
    skeCaseReference: leftAsShown(body, 'currentSkeCaseReference', skeCaseReference) ? undefined : skeCaseReference,
  };
}

/**
 * Without JavaScript a chosen knowledge-base answer stands in for an empty message. The "fault
 * was the consumer's" box comes ticked on an incident triaged so (`wasLocal`): unticking it there
 * says the fault was not (the use case opens the side again only if it is still local when the
 * form arrives); otherwise an unticked box keeps the side.
 */
export function resolveInput(body: FormBody, answers: Array<{ id: string; answer: string }>): Parameters<ResolveIncident['execute']>[1] {
  const message = text(body.message);
  const canned = !message && text(body.articleId) ? answers.find((a) => a.id === text(body.articleId))?.answer : undefined;
  return { message: canned ?? message, side: body.local ? 'local' : undefined, notLocal: !body.local && !!body.wasLocal };
}

/** Reopening: the reason, when one is given. */
export function reopenInput(body: FormBody): Parameters<ReopenIncident['execute']>[1] {
  return { reason: text(body.reason) || null };
}

/** An incident named by reference (KS-2026-0042) or id in a form field that must be filled in. */
export function incidentReference(body: FormBody, field: 'other' | 'target'): string {
  const reference = text(body[field]);
  if (!reference) throw new ValidationFailed([{ field, message: 'is required' }]);
  return reference;
}

export const splitReportIds = (body: FormBody): string[] => list(body.reportIds);

/** Why the security officer needs the original text: recorded in the audit log. */
export function revealReason(body: FormBody): string {
  const reason = text(body.reason);
  if (reason.length < 3 || reason.length > 500) throw new ValidationFailed([{ field: 'reason', message: 'must be 3–500 characters' }]);
  return reason;
}

/** Where a decided proposal returns: to the incident page it was decided on (the survivor after a merge), else the queue. */
export const proposalReturn = (body: FormBody): string | null => text(body.incidentId) || null;

/** A message in the incident's conversation: to Skatteetaten, a note, or a municipality's reply. */
export const messageInput = (body: FormBody): { body: string } => ({ body: text(body.body) });

/** To the municipalities ticked, or to all affected when none is. */
export function municipalityMessageInput(body: FormBody): Parameters<WriteToMunicipalities['execute']>[1] {
  return { body: text(body.body), consumerIds: list(body.consumerIds) };
}

/**
 * The incident's group and assignee as the page posts them: group `none` is no group, an empty
 * assignee nobody. One left as the page showed it (`currentGroupId`, `currentAssigneeId`) is no change.
 */
export function assignInput(body: FormBody): { groupId?: string | null; assigneeId?: string | null } {
  const group = text(body.groupId);
  const assignee = text(body.assigneeId);
  const fields = [];
  if (group && group !== 'none' && !UUID.test(group)) fields.push({ field: 'groupId', message: 'must name a group' });
  if (assignee && !UUID.test(assignee)) fields.push({ field: 'assigneeId', message: 'must name a staff member' });
  if (fields.length) throw new ValidationFailed(fields);
  const groupId = group === 'none' || !group ? null : group;
  const changes: { groupId?: string | null; assigneeId?: string | null } = {};
  if (groupId !== (text(body.currentGroupId) || null)) changes.groupId = groupId;
  if ((assignee || null) !== (text(body.currentAssigneeId) || null)) changes.assigneeId = assignee || null;
  return changes;
}

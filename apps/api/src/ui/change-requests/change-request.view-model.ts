import {
  canForward,
  canRecordAnswer,
  canSetStatus,
  CHANGE_REQUEST_PRIORITIES,
  CHANGE_REQUEST_STATUSES,
  CHANGE_REQUEST_URGENCIES,
  type ChangeRequestEvent,
  type ChangeRequestView,
} from '@domain/change-requests';

import type { FormBody } from '../shared/form-body';
import { linkedFailure } from '../shared/form-errors';
import { countOf } from '../shared/numbers';
import type { FormFailure } from '../shared/page-form';
import type { BoardQuery } from './change-request.forms';
import {
  BOARD_TEXTS,
  PORTAL_TEXTS,
  PRIORITY_LABELS,
  REQUEST_TEXTS,
  STATUS_COLORS,
  STATUS_LABELS,
  SUPPORTER_NOUN,
  URGENCY_LABELS,
} from './change-requests.texts.nb';

export interface ServiceOption {
  code: string;
  name: string;
}

const options = (pairs: Array<[string, string]>, selected: string | undefined) =>
  pairs.map(([value, label]) => ({ value, label, selected: value === (selected ?? '') }));

/** One request as a row of the board or the portal's list. */
export function requestRow(r: ChangeRequestView, rank?: number) {
  return {
    id: r.id,
    rank,
    reference: r.reference,
    title: r.title,
    serviceName: r.serviceName,
    serviceArea: r.serviceArea ?? BOARD_TEXTS.noArea,
    statusLabel: STATUS_LABELS[r.status],
    statusColor: STATUS_COLORS[r.status],
    urgencyLabel: URGENCY_LABELS[r.urgency],
    priorityLabel: r.priority ? PRIORITY_LABELS[r.priority] : '—',
    supporterCount: r.supporterCount,
    supporters: countOf(r.supporterCount, SUPPORTER_NOUN),
    submittedByMe: r.submittedByMe,
    supportedByMe: r.supportedByMe && !r.submittedByMe,
    createdAt: r.createdAt,
  };
}

/** The board: live requests in rank order (the use case ranks them), with its filter form. */
export function boardViewModel(requests: ChangeRequestView[], services: ServiceOption[], areas: string[], q: BoardQuery) {
  return {
    title: BOARD_TEXTS.title,
    requests: requests.map((r, i) => requestRow(r, i + 1)),
    filter: q,
    filtered: Object.values(q).some(Boolean),
    serviceOptions: options([['', BOARD_TEXTS.all], ...services.map((s): [string, string] => [s.code, s.name || s.code])], q.service),
    statusOptions: options(
      [['', BOARD_TEXTS.all], ...CHANGE_REQUEST_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]])],
      q.status,
    ),
    areaOptions: options([['', BOARD_TEXTS.all], ...areas.map((a): [string, string] => [a, a])], q.serviceArea),
  };
}

/** Where the request page's forms have their fields (element ids by field name), so the summary of a refusal leads to them. */
const REQUEST_FIELD_IDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  forward: { note: 'forward-note' },
  answer: { answer: 'answer-text' },
  assessment: { status: 'assess-status', priority: 'assess-priority', isPublic: 'assess-public', message: 'assess-message' },
  merge: { intoId: 'merge-into' },
};

/** A refusal of the form, linked to its fields when the page shows them (`placed`). */
const failureOf = (failure: FormFailure | undefined, form: string, placed = true) =>
  linkedFailure(failure?.form === form ? failure : undefined, placed ? (REQUEST_FIELD_IDS[form] ?? {}) : {});

/** The texts as the caller may read them, each supporter with what it needs the change for. */
function requestDetail(r: ChangeRequestView) {
  return {
    ...requestRow(r),
    description: r.description,
    descriptionHidden: r.description === null,
    hiddenText: REQUEST_TEXTS.hidden,
    isPublic: r.isPublic,
    mergedInto: r.mergedInto,
    forwardedAt: r.forwardedAt,
    forwardedTo: r.forwardedTo,
    forwardedBy: r.forwardedBy,
    forwardMessageId: r.forwardMessageId,
    answer: r.answer,
    answeredAt: r.answeredAt,
    supporterRows: r.supporters.map((s) => ({
      name: s.consumerName ?? '',
      orgNumber: s.orgNumber ?? '',
      kindLabel: s.kind === 'submitted' ? REQUEST_TEXTS.submitted : REQUEST_TEXTS.supported,
      useCase: s.useCase,
      isMine: s.isMine,
      createdAt: s.createdAt,
    })),
  };
}

export interface StaffRequestData {
  request: ChangeRequestView;
  /** Live requests on the same service it could be merged into. */
  candidates: ChangeRequestView[];
  /** What happened to it; the e-mail Skatteetaten answered with is shown from it. */
  history: ChangeRequestEvent[];
}

/** A request's page for staff: the texts, supporters, and the forms for assessing, merging, forwarding and the answer. */
export function staffRequestViewModel({ request: r, candidates, history }: StaffRequestData, failure?: FormFailure) {
  const values: FormBody = failure?.form === 'assessment' ? failure.body : {};
  const status = (values.status as string | undefined) ?? r.status;
  const priority = (values.priority as string | undefined) ?? r.priority ?? '';
  // Without another live request on the service, the page has no field for a merge's refusal to lead to.
  const mergeOptions = candidates
    .filter((c) => c.id !== r.id)
    .map((c) => ({ value: c.id, label: `${c.reference}: ${c.title} (${countOf(c.supporterCount, SUPPORTER_NOUN)})` }));
  return {
    title: REQUEST_TEXTS.title(r.reference, r.title),
    request: requestDetail(r),
    merged: r.merged,
    live: !r.mergedInto,
    assessment: {
      statusOptions: CHANGE_REQUEST_STATUSES.filter((s) => canSetStatus(r.status, s)).map((s) => ({
        value: s,
        label: STATUS_LABELS[s],
        selected: s === status,
      })),
      priorityOptions: options([['', '—'], ...CHANGE_REQUEST_PRIORITIES.map((p): [string, string] => [p, PRIORITY_LABELS[p]])], priority),
      isPublic: failure?.form === 'assessment' ? values.isPublic === 'on' : r.isPublic,
      // As stored: the form sends them back, so that it changes only what the person changed.
      current: { status: r.status, priority: r.priority ?? '', isPublic: r.isPublic ? 'on' : '' },
      message: typeof values.message === 'string' ? values.message : '',
      failure: failureOf(failure, 'assessment'),
    },
    merge: { options: mergeOptions, failure: failureOf(failure, 'merge', mergeOptions.length > 0) ?? failureOf(failure, 'unmerge') },
    forward: {
      possible: !r.mergedInto && !r.forwardedAt && canForward(r.status),
      failure: failureOf(failure, 'forward'),
    },
    // Skatteetaten's answers by e-mail, newest first, each leading to the message as it came in.
    replies: history
      .filter((e): e is Extract<ChangeRequestEvent, { kind: 'reply_received' }> => e.kind === 'reply_received')
      .map((e) => ({
        at: e.at,
        from: e.details.from,
        href: e.details.inboundMessageId ? `/inbound-mail/${e.details.inboundMessageId}` : null,
      }))
      .reverse(),
    answerForm: {
      possible: canRecordAnswer(r.status),
      value: failure?.form === 'answer' && typeof failure.body.answer === 'string' ? failure.body.answer : (r.answer ?? ''),
      failure: failureOf(failure, 'answer'),
    },
  };
}

/** The portal's list: requests on the organisation's services, its own marked. */
export function portalListViewModel(requests: ChangeRequestView[]) {
  return { title: PORTAL_TEXTS.listTitle, layout: 'portal', requests: requests.map((r) => requestRow(r)) };
}

/** A request in the portal, with the support form when the organisation is not behind it yet. */
export function portalRequestViewModel(r: ChangeRequestView, failure?: FormFailure) {
  return {
    title: REQUEST_TEXTS.title(r.reference, r.title),
    layout: 'portal',
    request: requestDetail(r),
    canSupport: !r.mergedInto && !r.submittedByMe && !r.supportedByMe,
    useCase: failure && typeof failure.body.useCase === 'string' ? failure.body.useCase : '',
    failure: linkedFailure(failure, { useCase: 'support-useCase' }),
    errors: Object.fromEntries((failure?.fieldErrors ?? []).map((f) => [f.name, f.message])),
  };
}

/** The portal's form for a new request. */
export function submitFormViewModel(services: ServiceOption[], values: FormBody, failure?: FormFailure) {
  const errors = Object.fromEntries((failure?.fieldErrors ?? []).map((f) => [f.name, f.message]));
  const urgency = typeof values.urgency === 'string' ? values.urgency : 'medium';
  return {
    title: PORTAL_TEXTS.newTitle,
    layout: 'portal',
    values,
    errors,
    error: failure?.error,
    errorSummary: failure?.fieldErrors ?? [],
    serviceOptions: services.map((s) => ({ value: s.code, label: s.name || s.code, selected: s.code === values.service })),
    urgencyOptions: CHANGE_REQUEST_URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u], checked: u === urgency })),
  };
}

import {
  type ConversationEntry,
  type ConversationQueries,
  INCIDENT_SIDES,
  type IncidentQueries,
  type IncidentSide,
  type IncidentStatus,
  type IncidentSummary,
  type IncidentTimelineEvent,
  type MergeHow,
  OPEN_STATUSES,
  SEVERITIES,
  type Severity,
} from '@domain/incidents';
import type { SuggestArticles } from '@domain/knowledge';

import type { AssignmentChoices } from '../shared/assignment-choices';
import { list, text } from '../shared/form-body';
import { linkedFailure } from '../shared/form-errors';
import { type ListQuery, type ListSpec, pagination, parseListQuery } from '../shared/list-query';
import { countOf, decimal } from '../shared/numbers';
import type { FormFailure } from '../shared/page-form';
import { COUNTED_NOUNS, ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';
import {
  ASSIGN_TEXTS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CONFIDENCE_LABELS,
  CONVERSATION_TEXTS,
  MATCH_ACTION_LABELS,
  MESSAGE_CHANNEL_PHRASES,
  PROPOSAL_STATUS_LABELS,
  QUEUE_TEXTS,
  SECURITY_CASE_TEXTS,
  SECURITY_STEP_TEXTS,
  SENT_BY_VENDOR,
  SERVICE_ACCESS,
  SEVERITY_LABELS,
  SIDE_LABELS,
  STATUS_LABELS,
} from './incidents.texts.nb';
import { sentByVendor } from './report.view-model';

export type IncidentPageView = Awaited<ReturnType<IncidentQueries['incidentPage']>>;
type ReportView = IncidentPageView['groups'][number]['reports'][number];
export type ProposalView = Awaited<ReturnType<IncidentQueries['proposalViews']>>[number];
export type Article = Awaited<ReturnType<SuggestArticles['list']>>[number];
export type ConversationView = Awaited<ReturnType<ConversationQueries['ofIncident']>>;

const STATUS_COLORS: Record<IncidentStatus, string> = {
  new: 'warning',
  triaged: 'info',
  escalated: 'danger',
  resolved: 'success',
  closed: 'neutral',
};
const SEVERITY_COLORS: Record<Severity, string> = { critical: 'danger', high: 'warning', medium: 'info', low: 'neutral' };

/** An incident as a row of the queue or the head of its page. */
export function summaryRow(s: IncidentSummary) {
  const severity = s.severity ?? s.suggestedSeverity;
  return {
    ...s,
    title: s.restricted ? SECURITY_CASE_TEXTS.restrictedTitle : s.title,
    statusLabel: STATUS_LABELS[s.status as IncidentStatus] ?? s.status,
    statusColor: STATUS_COLORS[s.status as IncidentStatus] ?? 'neutral',
    sideLabel: SIDE_LABELS[s.side as IncidentSide] ?? s.side,
    environmentLabel: ENVIRONMENT_LABELS[s.environment as keyof typeof ENVIRONMENT_LABELS] ?? s.environment,
    severityLabel: SEVERITY_LABELS[severity],
    severityColor: SEVERITY_COLORS[severity],
    severitySuggested: !s.severity,
    open: OPEN_STATUSES.includes(s.status as IncidentStatus),
    assigneeName: s.assignee?.name ?? ASSIGN_TEXTS.nobody,
    groupName: s.group?.name ?? ASSIGN_TEXTS.noGroup,
  };
}

/** A merge proposal; on an incident page `other` is the incident that is not this one. */
export function proposalRow(p: ProposalView, current?: string, failure?: FormFailure) {
  const named = (i: ProposalView['survivor']) => i && { ...i, title: i.restricted ? SECURITY_CASE_TEXTS.restrictedTitle : i.title };
  const [survivor, merged] = [named(p.survivor), named(p.merged)];
  return {
    ...p,
    survivor,
    merged,
    reasons: p.restricted ? [SECURITY_CASE_TEXTS.restricted] : p.reasons,
    scoreText: decimal(p.score, 2),
    statusLabel: PROPOSAL_STATUS_LABELS[p.status] ?? p.status,
    open: p.status === 'proposed',
    other: survivor?.id === current ? merged : survivor,
    failed: failure?.params.proposalId === p.id ? failure : undefined,
  };
}

const by = (how: MergeHow) => (how === 'auto' ? 'automatisk' : 'av saksbehandler');
/** Events recorded before grouping gave reasons have none. */
const because = (reasons: string[] | undefined) => (reasons?.length ? `: ${reasons.join('; ')}` : '');

/** One line of the incident's history, in Norwegian, with a link to the other incident of a merge. */
export function eventText(e: IncidentTimelineEvent): { text: string; link?: { href: string; text: string } } {
  switch (e.kind) {
    case 'opened':
      return {
        text:
          'splitFrom' in e.details
            ? `Opprettet ved utskilling fra ${e.details.splitFrom} (${e.details.reports.join(', ')})`
            : `Opprettet${because(e.details.reasons)}`,
      };
    case 'report_received': {
      const d = e.details;
      const action = d.action === 'attach' ? 'koblet til hendelsen' : 'åpnet hendelsen';
      const score = typeof d.score === 'number' ? `, score ${decimal(d.score, 2)}` : '';
      return { text: `Melding ${d.report} mottatt (${CHANNEL_LABELS[d.channel] ?? d.channel}), ${action}${score}` };
    }
    case 'consumer_joined':
      return {
        text: `Melding ${e.details.report} (${CHANNEL_LABELS[e.details.channel] ?? e.details.channel}): kommunen meldte seg berørt av den kjente feilen`,
      };
    case 'triaged': {
      const d = e.details;
      const parts = [
        d.side ? `side ${SIDE_LABELS[d.side] ?? d.side}` : '',
        'severity' in d ? `alvorlighet ${d.severity ? SEVERITY_LABELS[d.severity] : 'ikke satt'}` : '',
        d.title ? `tittel «${d.title}»` : '',
        'skeCaseReference' in d ? `Skatteetatens saksnummer ${d.skeCaseReference ?? '—'}` : '',
      ].filter(Boolean);
      return { text: `Vurdert${parts.length ? `: ${parts.join(', ')}` : ''}` };
    }
    case 'escalated':
      return { text: `Eskalert til ${e.details.to.join(', ')}${e.details.security ? ' (sikkerhetskanalen)' : ''}` };
    case 'escalation_sent':
      return { text: `Første e-post til Skatteetaten lagt i utboksen (${e.details.to.join(', ')})` };
    case 'escalation_cancelled':
      return { text: 'Ventende eskalering avlyst fordi hendelsen ble løst før e-posten gikk ut' };
    case 'escalation_folded':
      return { text: `Ventende eskalering av ${e.details.from} slått inn i denne trådens eskalering; ingen egen tråd sendes` };
    case 'escalation_thread_merged':
      return {
        text: e.details.joined
          ? `Tråden til Skatteetaten om ${e.details.from} ble avsluttet med melding om at saken følges opp her; mottakerne (${e.details.to.join(', ')}) er lagt til i denne tråden`
          : `Tråden til Skatteetaten om ${e.details.from} ble avsluttet med melding om at saken følges opp i en annen kanal; mottakerne (${e.details.to.join(', ')}) er ikke lagt til i denne tråden`,
      };
    case 'escalation_moved':
      return {
        text: `Tråden til Skatteetaten ble flyttet til sikkerhetskanalen: den ordinære tråden (${e.details.fromTo.join(', ')}) ble avsluttet med melding om at saken følges opp i en annen kanal, og den første e-posten til ${e.details.to.join(', ')} ble lagt i utboksen${e.details.skeCaseReference ? `; Skatteetatens saksnummer ${e.details.skeCaseReference} gjaldt den ordinære tråden` : ''}`,
      };
    case 'follow_up_sent':
      return { text: `Oppfølging sendt i tråden til Skatteetaten (${countOf(e.details.newReports, COUNTED_NOUNS.newReport)})` };
    case 'resolved':
      return {
        text: `Løst${e.details.side === 'local' ? ' lokalt (førstelinjesvar)' : ''}; ${countOf(e.details.notified, COUNTED_NOUNS.address)} varslet`,
      };
    case 'split':
      return { text: `${e.details.reports.join(', ')} skilt ut til ${e.details.into}` };
    case 'report_moved_out':
      return { text: `Melding ${e.details.report} flyttet til ${e.details.to}` };
    case 'report_moved_in':
      return { text: `Melding ${e.details.report} flyttet hit fra ${e.details.from}` };
    case 'merged_in':
      return {
        text: `${e.details.from} slått sammen med denne (${countOf(e.details.reports, COUNTED_NOUNS.report)}, ${by(e.details.how)})${because(e.details.reasons)}`,
        link: { href: `/incidents/${e.details.fromId}`, text: e.details.from },
      };
    case 'merged_into':
      return {
        text: `Slått sammen inn i ${e.details.into} (${by(e.details.how)})${because(e.details.reasons)}`,
        link: { href: `/incidents/${e.details.intoId}`, text: e.details.into },
      };
    case 'message_received':
      return {
        text:
          e.details.audience === 'skatteetaten'
            ? `Svar fra Skatteetaten i eskaleringstråden (${e.details.from})`
            : `Svar fra kommunen${e.details.report ? ` om ${e.details.report}` : ''} (${MESSAGE_CHANNEL_PHRASES[e.details.channel]})`,
        link: { href: '#conversation', text: 'samtalen' },
      };
    case 'message_sent':
      return {
        text:
          e.details.audience === 'skatteetaten'
            ? 'Svar sendt i tråden til Skatteetaten'
            : `Melding sendt til ${countOf(e.details.consumers, COUNTED_NOUNS.municipality)} (${countOf(e.details.recipients, COUNTED_NOUNS.address)})`,
        link: { href: '#conversation', text: 'samtalen' },
      };
    case 'note_added':
      return { text: 'Internt notat lagt til', link: { href: '#conversation', text: 'samtalen' } };
    case 'assigned':
      return { text: ASSIGN_TEXTS.assigned(e.details.to) };
    case 'group_set':
      return { text: ASSIGN_TEXTS.groupSet(e.details.to) };
    case 'reopened': {
      const status = STATUS_LABELS[e.details.status] ?? e.details.status;
      return e.details.report
        ? { text: `Gjenåpnet av kommunen (melding ${e.details.report}); status ${status}` }
        : { text: `Gjenåpnet av KS; status ${status}${e.details.reason ? `. Begrunnelse: ${e.details.reason}` : ''}` };
    }
    case 'security_step': {
      const d = e.details;
      return {
        text:
          d.item === 'skeCalled'
            ? SECURITY_STEP_TEXTS.skeCalled(d.calledName, d.calledAt)
            : d.item === 'municipalityInformed'
              ? SECURITY_STEP_TEXTS.municipalityInformed()
              : SECURITY_STEP_TEXTS.containment(d.text),
      };
    }
  }
  // A kind written by a newer version of the desk than this one.
  return { text: (e as { kind: string }).kind };
}

/** The municipalities that reported an incident, 25 a page, in the order they first reported. */
export const INCIDENT_GROUPS: ListSpec<'first'> = { sorts: { first: 'asc' }, defaultSort: 'first', pageSize: 25 };

/** An incident this small shows every report at once; a bigger one shows each municipality's row folded. */
const SHOW_ALL_UP_TO = 10;
/** The timeline shows its newest entries; older ones are folded away beyond this many. */
const TIMELINE_SHOWN = 10;
/** An outage reported by scripts can carry dozens of correlation ids; the first few fit the overview. */
const CORRELATION_IDS_SHOWN = 5;

export interface IncidentPageData {
  incident: IncidentPageView;
  proposals: ProposalView[];
  articles: Array<Pick<Article, 'id' | 'title' | 'answer'>>;
  neighbours: Array<{ id: string; reference: string; title: string; restricted?: boolean }>;
  conversation: ConversationView;
  /** Which page of municipalities is shown. */
  groups?: ListQuery<'first'>;
  /** Who it can be given to: active staff and active assignment groups. */
  assignable?: AssignmentChoices;
}

const FORMS_ON_PAGE = [
  'assign',
  'triage',
  'resolve',
  'reopen',
  'merge',
  'split',
  'escalate',
  'send-now',
  'skatteetaten',
  'municipalities',
  'note',
];
/**
 * Forms the page shows only while the incident is open, or only once it is resolved: a refusal of
 * one of them the page no longer shows (resolved meanwhile by someone else, reopened twice) is
 * shown at the top instead.
 */
const FORMS_WHILE_OPEN = ['resolve'];
const FORMS_ONCE_RESOLVED = ['reopen'];

/**
 * Where each form's fields are on the page (element ids by field name), so the summary of a
 * refusal beside the form leads to the field to correct. The move and reveal forms are one per
 * report; the municipalities to write to are led to by the first of them.
 */
function formFieldIds(form: string, reportId: string | undefined, conversation: ConversationView): Record<string, string> {
  switch (form) {
    case 'triage':
      return { side: 'triage-side', severity: 'triage-severity', title: 'triage-title', skeCaseReference: 'triage-ske' };
    case 'merge':
      return { other: 'merge-other' };
    case 'resolve':
      return { articleId: 'resolve-article', message: 'resolve-message' };
    case 'reopen':
      return { reason: 'reopen-reason' };
    case 'assign':
      return { groupId: 'assign-group', assigneeId: 'assign-assignee' };
    case 'skatteetaten':
    case 'note':
      return { body: `${form}-body` };
    case 'municipalities': {
      const first = conversation.municipalities[0];
      return { body: 'municipalities-body', ...(first ? { consumerIds: `to-${first.id}` } : {}) };
    }
    case 'move':
      return { target: `move-${reportId}` };
    case 'reveal':
      return { reason: `reveal-${reportId}` };
    default:
      return {};
  }
}

/** The heading over one message of the conversation: who wrote to whom. */
export function messageHeading(
  m: Pick<ConversationEntry, 'direction' | 'audience' | 'channel' | 'authorLabel' | 'municipalities' | 'recipientCount'>,
): string {
  if (m.audience === 'internal') return CONVERSATION_TEXTS.internal;
  if (m.audience === 'skatteetaten')
    return m.direction === 'in' ? CONVERSATION_TEXTS.fromSkatteetaten(m.authorLabel) : CONVERSATION_TEXTS.toSkatteetaten;
  return m.direction === 'in'
    ? CONVERSATION_TEXTS.fromMunicipality(m.municipalities[0] ?? '', m.channel)
    : CONVERSATION_TEXTS.toMunicipalities(m.municipalities, m.recipientCount);
}

/**
 * The form that gives the incident to a group and an assignee. It sends the group and assignee it
 * showed, so that choosing only a new group lets it drop an assignee who is not a member of it.
 */
function assignModel(incident: IncidentSummary, assignable: NonNullable<IncidentPageData['assignable']>, failure?: FormFailure) {
  const chosen = (name: string, current: string) =>
    failure && typeof failure.body[name] === 'string' ? text(failure.body[name]) : current;
  const group = chosen('groupId', incident.group?.id ?? 'none');
  const assignee = chosen('assigneeId', incident.assignee?.id ?? '');
  // A group archived since, or an assignee deactivated, stays shown under its name.
  const keep = (options: Array<{ value: string; label: string }>, ref: { id: string; name: string } | null) =>
    ref && !options.some((o) => o.value === ref.id) ? [...options, { value: ref.id, label: ref.name }] : options;
  return {
    groupOptions: [{ value: 'none', label: ASSIGN_TEXTS.noGroup }, ...keep(assignable.groups, incident.group)].map((o) => ({
      ...o,
      selected: o.value === group,
    })),
    assigneeOptions: [{ value: '', label: ASSIGN_TEXTS.nobody }, ...keep(assignable.staff, incident.assignee)].map((o) => ({
      ...o,
      selected: o.value === assignee,
    })),
    currentGroupId: incident.group?.id ?? '',
    currentAssigneeId: incident.assignee?.id ?? '',
    failure,
  };
}

/** The conversation panel: every message, and the three forms with what a failed one held. */
function conversationModel(conversation: ConversationView, failed: (form: string) => FormFailure | undefined) {
  const ske = failed('skatteetaten');
  const municipalities = failed('municipalities');
  const note = failed('note');
  const picked = list(municipalities?.body.consumerIds);
  return {
    messages: conversation.messages.map((m) => ({ ...m, heading: messageHeading(m), internal: m.audience === 'internal' })),
    skatteetaten: conversation.skatteetatenThread
      ? { to: conversation.skatteetatenThread.to, body: text(ske?.body.body), failure: ske }
      : null,
    municipalities: {
      choices: conversation.municipalities.map((c) => ({ ...c, picked: picked.includes(c.id) })),
      body: text(municipalities?.body.body),
      failure: municipalities,
    },
    note: { body: text(note?.body.body), failure: note },
  };
}

/** Where a report is on the incident page: the page of its municipality, opened at the report. */
const reportHref = (incidentId: string, r: { id: string; groupPosition: number }) => {
  const page = Math.ceil(r.groupPosition / INCIDENT_GROUPS.pageSize);
  return `/incidents/${incidentId}${page > 1 ? `?page=${page}` : ''}#report-${r.id}`;
};

/**
 * The incident page: state and actions first, then the municipalities that reported it (one
 * folded row each, paged), the first and newest reports in brief, proposals and the timeline.
 * After a failed form, the message beside that form and the values entered.
 */
export function incidentViewModel(
  {
    incident,
    proposals,
    articles,
    neighbours,
    conversation,
    groups = parseListQuery({}, INCIDENT_GROUPS),
    assignable = { staff: [], groups: [] },
  }: IncidentPageData,
  failure?: FormFailure,
) {
  const failed = (form: string, reportId?: string) =>
    linkedFailure(
      failure?.form === form && failure.params.reportId === reportId ? failure : undefined,
      formFieldIds(form, reportId, conversation),
    );
  const shownReports = incident.groups.flatMap((g) => g.reports);
  const shownAtItsForm =
    !!failure &&
    (failure.params.proposalId
      ? proposals.some((p) => p.id === failure.params.proposalId)
      : failure.params.reportId
        ? shownReports.some((r) => r.id === failure.params.reportId)
        : FORMS_ON_PAGE.includes(failure.form) &&
          !(OPEN_STATUSES.includes(incident.status as IncidentStatus) ? FORMS_ONCE_RESOLVED : FORMS_WHILE_OPEN).includes(failure.form));
  const triage = failed('triage');
  const resolve = failed('resolve');
  const reopen = failed('reopen');
  const merge = failed('merge');
  const escalate = failed('escalate') ?? failed('send-now');
  const splitSelected = list(failed('split')?.body.reportIds);
  // As stored: the form sends them back, so that it changes only what the person changed.
  const storedTriage = {
    side: incident.side,
    severity: incident.severity ?? '',
    title: incident.title,
    skeCaseReference: incident.skeCaseReference ?? '',
  };
  const triageValues = triage
    ? {
        side: text(triage.body.side),
        severity: text(triage.body.severity),
        title: text(triage.body.title),
        skeCaseReference: text(triage.body.skeCaseReference),
      }
    : storedTriage;
  const reportRow = (r: ReportView) => ({
    ...r,
    categoryLabel: CATEGORY_LABELS[r.category],
    channelLabel: CHANNEL_LABELS[r.channel] ?? r.channel,
    sentByVendor: sentByVendor(r),
    environmentLabel: ENVIRONMENT_LABELS[r.environment] ?? r.environment,
    match: {
      ...r.match,
      actionLabel: MATCH_ACTION_LABELS[r.match.action === 'attach' ? 'attach' : 'open'],
      scoreText: decimal(r.match.score, 2),
      confidenceLabel: CONFIDENCE_LABELS[r.match.confidence] ?? r.match.confidence,
      manual: r.match.by === 'manual',
      runnerUp: r.match.runnerUp ? { ...r.match.runnerUp, scoreText: decimal(r.match.runnerUp.score, 2) } : null,
    },
    // The runner-up is offered as where to move the report only when it was a real contender.
    moveSuggestion:
      r.match.runnerUp && r.match.confidence !== 'certain' && r.match.runnerUp.score > 0 ? (r.match.runnerUp.reference ?? '') : '',
    move: failed('move', r.id),
    reveal: failed('reveal', r.id),
    picked: splitSelected.includes(r.id),
  });
  const brief = (r: IncidentPageView['newestReports'][number]) => ({
    reference: r.reference,
    title: r.title,
    receivedAt: r.receivedAt,
    consumerName: r.consumer?.name,
    errorCode: r.errorCode,
    httpStatus: r.httpStatus,
    href: reportHref(incident.id, r),
  });
  const groupRows = incident.groups.map((g) => {
    const reports = g.reports.map(reportRow);
    return {
      consumer: g.consumer,
      count: g.reportCount,
      countText: countOf(g.reportCount, COUNTED_NOUNS.report),
      firstAt: g.firstAt,
      lastAt: g.lastAt,
      latest: reports[reports.length - 1],
      reports,
      unregistered: reports.some((r) => !r.serviceRegistered),
      open: incident.reportCount <= SHOW_ALL_UP_TO || reports.some((r) => r.move || r.reveal || r.picked),
    };
  });
  const events = incident.events.map((e) => ({ at: e.at, actorLabel: e.actorLabel, ...eventText(e) }));
  return {
    title: `${incident.reference} ${incident.title}`,
    sentByVendorLabel: SENT_BY_VENDOR.label,
    serviceAccess: SERVICE_ACCESS,
    incident: summaryRow(incident),
    page: groups.page,
    groups: groupRows,
    anyUnregistered: groupRows.some((g) => g.unregistered),
    groupPages: pagination(
      { path: `/incidents/${incident.id}`, filter: {}, query: groups },
      incident.consumerCount,
      COUNTED_NOUNS.affectedMunicipality,
    ),
    firstReport: incident.firstReport ? brief(incident.firstReport) : null,
    newestReports: incident.newestReports.map(brief),
    events: events.slice(-TIMELINE_SHOWN),
    earlierEvents: events.slice(0, -TIMELINE_SHOWN),
    correlationIds: incident.correlationIds.slice(0, CORRELATION_IDS_SHOWN),
    moreCorrelationIds: incident.correlationIds.slice(CORRELATION_IDS_SHOWN),
    proposals: proposals.map((p) => proposalRow(p, incident.id, failure)),
    neighbours: neighbours
      .filter((n) => n.id !== incident.id)
      .map((n) => ({ reference: n.reference, title: n.restricted ? SECURITY_CASE_TEXTS.restrictedTitle : n.title })),
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      answer: a.answer,
      selected: resolve ? text(resolve.body.articleId) === a.id : false,
    })),
    sideOptions: INCIDENT_SIDES.map((s) => ({ value: s, label: SIDE_LABELS[s], selected: triageValues.side === s })),
    severityOptions: [
      { value: '', label: QUEUE_TEXTS.severityNotSet(SEVERITY_LABELS[incident.suggestedSeverity]), selected: !triageValues.severity },
      ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s], selected: triageValues.severity === s })),
    ],
    triage: { ...triageValues, current: storedTriage, failure: triage },
    assign: assignModel(incident, assignable, failed('assign')),
    resolve: {
      message: resolve ? text(resolve.body.message) : '',
      local: resolve ? !!resolve.body.local : incident.side === 'local',
      wasLocal: incident.side === 'local',
      failure: resolve,
    },
    reopen: { reason: text(reopen?.body.reason), failure: reopen },
    merge: { other: text(merge?.body.other), failure: merge },
    split: { failure: failed('split') },
    escalate: { failure: escalate },
    conversation: conversationModel(conversation, failed),
    failure: shownAtItsForm ? undefined : failure,
  };
}

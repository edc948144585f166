import type {
  IncidentEvent,
  IncidentQueries,
  IncidentSide,
  IncidentStatus,
  IncidentSummary,
  ReportChannel,
  Severity,
} from '@domain/incidents';
import { INCIDENT_SIDES, OPEN_STATUSES, SEVERITIES } from '@domain/incidents';
import type { SuggestArticles } from '@domain/knowledge';

import { list, text } from '../shared/form-body';
import type { FormFailure } from '../shared/page-form';
import { ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CONFIDENCE_LABELS,
  MATCH_ACTION_LABELS,
  PROPOSAL_STATUS_LABELS,
  QUEUE_TEXTS,
  SEVERITY_LABELS,
  SIDE_LABELS,
  STATUS_LABELS,
} from './incidents.texts.nb';

export type IncidentDetail = Awaited<ReturnType<IncidentQueries['incidentDetail']>>;
export type ProposalView = Awaited<ReturnType<IncidentQueries['proposalViews']>>[number];
export type Article = Awaited<ReturnType<SuggestArticles['list']>>[number];

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
    statusLabel: STATUS_LABELS[s.status as IncidentStatus] ?? s.status,
    statusColor: STATUS_COLORS[s.status as IncidentStatus] ?? 'neutral',
    sideLabel: SIDE_LABELS[s.side as IncidentSide] ?? s.side,
    environmentLabel: ENVIRONMENT_LABELS[s.environment as keyof typeof ENVIRONMENT_LABELS] ?? s.environment,
    severityLabel: SEVERITY_LABELS[severity],
    severityColor: SEVERITY_COLORS[severity],
    severitySuggested: !s.severity,
    open: OPEN_STATUSES.includes(s.status as IncidentStatus),
  };
}

/** A merge proposal; on an incident page `other` is the incident that is not this one. */
export function proposalRow(p: ProposalView, current?: string, failure?: FormFailure) {
  return {
    ...p,
    scoreText: p.score.toFixed(2),
    statusLabel: PROPOSAL_STATUS_LABELS[p.status] ?? p.status,
    open: p.status === 'proposed',
    other: p.survivor?.id === current ? p.merged : p.survivor,
    failed: failure?.params.proposalId === p.id ? failure : undefined,
  };
}

const refs = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
const by = (how: unknown) => (how === 'auto' ? 'automatisk' : 'av saksbehandler');

/** One line of the incident's history, in Norwegian, with a link to the other incident of a merge. */
export function eventText(e: Pick<IncidentEvent, 'kind' | 'details'>): { text: string; link?: { href: string; text: string } } {
  const d = e.details as Record<string, unknown>;
  const reasons = Array.isArray(d.reasons) && d.reasons.length ? `: ${d.reasons.join('; ')}` : '';
  switch (e.kind) {
    case 'opened':
      return { text: d.splitFrom ? `Opprettet ved utskilling fra ${String(d.splitFrom)} (${refs(d.reports)})` : `Opprettet${reasons}` };
    case 'report_received': {
      const channel = CHANNEL_LABELS[d.channel as ReportChannel] ?? String(d.channel);
      const action = d.action === 'attach' ? 'koblet til hendelsen' : 'åpnet hendelsen';
      const score = typeof d.score === 'number' ? `, score ${d.score.toFixed(2)}` : '';
      return { text: `Melding ${String(d.report)} mottatt (${channel}), ${action}${score}` };
    }
    case 'triaged': {
      const parts = [
        d.side ? `side ${SIDE_LABELS[d.side as IncidentSide] ?? String(d.side)}` : '',
        'severity' in d ? `alvorlighet ${d.severity ? SEVERITY_LABELS[d.severity as Severity] : 'ikke satt'}` : '',
        d.title ? `tittel «${String(d.title)}»` : '',
        'skeCaseReference' in d ? `Skatteetatens saksnummer ${String(d.skeCaseReference ?? '—')}` : '',
      ].filter(Boolean);
      return { text: `Vurdert${parts.length ? `: ${parts.join(', ')}` : ''}` };
    }
    case 'escalated':
      return { text: `Eskalert til ${refs(d.to)}${d.security ? ' (sikkerhetskanalen)' : ''}` };
    case 'escalation_sent':
      return { text: `Første e-post til Skatteetaten lagt i utboksen (${refs(d.to)})` };
    case 'escalation_cancelled':
      return { text: 'Ventende eskalering avlyst fordi hendelsen ble løst før e-posten gikk ut' };
    case 'escalation_folded':
      return { text: `Ventende eskalering av ${String(d.from)} slått inn i denne trådens eskalering; ingen egen tråd sendes` };
    case 'follow_up_sent':
      return { text: `Oppfølging sendt i tråden til Skatteetaten (${String(d.newReports ?? 0)} nye meldinger)` };
    case 'resolved':
      return { text: `Løst${d.side === 'local' ? ' lokalt (førstelinjesvar)' : ''}; ${String(d.notified ?? 0)} adresser varslet` };
    case 'split':
      return { text: `${refs(d.reports)} skilt ut til ${String(d.into)}` };
    case 'report_moved_out':
      return { text: `Melding ${String(d.report)} flyttet til ${String(d.to)}` };
    case 'report_moved_in':
      return { text: `Melding ${String(d.report)} flyttet hit fra ${String(d.from)}` };
    case 'merged_in':
      return {
        text: `${String(d.from)} slått sammen med denne (${String(d.reports ?? 0)} meldinger, ${by(d.how)})${reasons}`,
        link: d.fromId ? { href: `/incidents/${String(d.fromId)}`, text: String(d.from) } : undefined,
      };
    case 'merged_into':
      return {
        text: `Slått sammen inn i ${String(d.into)} (${by(d.how)})${reasons}`,
        link: d.intoId ? { href: `/incidents/${String(d.intoId)}`, text: String(d.into) } : undefined,
      };
    default:
      return { text: e.kind };
  }
}

export interface IncidentPageData {
  incident: IncidentDetail;
  proposals: ProposalView[];
  articles: Array<Pick<Article, 'id' | 'title' | 'answer'>>;
  neighbours: Array<{ id: string; reference: string; title: string }>;
}

const FORMS_ON_PAGE = ['triage', 'resolve', 'merge', 'split', 'escalate', 'send-now'];

/** The incident page; after a failed form, the message beside that form and the values entered. */
export function incidentViewModel({ incident, proposals, articles, neighbours }: IncidentPageData, failure?: FormFailure) {
  const failed = (form: string, reportId?: string) =>
    failure && failure.form === form && failure.params.reportId === reportId ? failure : undefined;
  const shownAtItsForm =
    !!failure &&
    (failure.params.proposalId
      ? proposals.some((p) => p.id === failure.params.proposalId)
      : failure.params.reportId
        ? incident.reports.some((r) => r.id === failure.params.reportId)
        : FORMS_ON_PAGE.includes(failure.form));
  const triage = failed('triage');
  const resolve = failed('resolve');
  const triageValues = triage
    ? {
        side: text(triage.body.side),
        severity: text(triage.body.severity),
        title: text(triage.body.title),
        skeCaseReference: text(triage.body.skeCaseReference),
      }
    : { side: incident.side, severity: incident.severity ?? '', title: incident.title, skeCaseReference: incident.skeCaseReference ?? '' };
  return {
    title: `${incident.reference} ${incident.title}`,
    incident: summaryRow(incident),
    consumers: incident.consumers,
    reports: incident.reports.map((r) => ({
      ...r,
      categoryLabel: CATEGORY_LABELS[r.category],
      channelLabel: CHANNEL_LABELS[r.channel] ?? r.channel,
      environmentLabel: ENVIRONMENT_LABELS[r.environment] ?? r.environment,
      match: {
        ...r.match,
        actionLabel: MATCH_ACTION_LABELS[r.match.action === 'attach' ? 'attach' : 'open'],
        scoreText: r.match.score.toFixed(2),
        confidenceLabel: CONFIDENCE_LABELS[r.match.confidence] ?? r.match.confidence,
        manual: r.match.by === 'manual',
        runnerUp: r.match.runnerUp ? { ...r.match.runnerUp, scoreText: r.match.runnerUp.score.toFixed(2) } : null,
      },
      move: failed('move', r.id),
      reveal: failed('reveal', r.id),
    })),
    events: incident.events.map((e) => ({ at: e.at, actorLabel: e.actorLabel, ...eventText(e) })),
    proposals: proposals.map((p) => proposalRow(p, incident.id, failure)),
    neighbours: neighbours.filter((n) => n.id !== incident.id).map((n) => ({ reference: n.reference, title: n.title })),
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
    triage: { ...triageValues, failure: triage },
    resolve: { message: resolve ? text(resolve.body.message) : '', local: resolve ? !!resolve.body.local : false, failure: resolve },
    merge: { other: text(failed('merge')?.body.other), failure: failed('merge') },
    split: { failure: failed('split'), selected: list(failed('split')?.body.reportIds) },
    escalate: { failure: failed('escalate') ?? failed('send-now') },
    failure: shownAtItsForm ? undefined : failure,
  };
}

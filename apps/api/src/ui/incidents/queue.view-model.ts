import { INCIDENT_SIDES, INCIDENT_STATUSES, type IncidentSummary, type QueueSort, SEVERITIES } from '@domain/incidents';
import { ENVIRONMENTS } from '@domain/shared';
import type { Page } from '@platform/database';

import { type ListLinks, type ListQuery, pagination, sortHeader } from '../shared/list-query';
import type { FormFailure } from '../shared/page-form';
import { COUNTED_NOUNS, ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';
import { QUEUE_LIST, type QueueQuery } from './incident.forms';
import { proposalRow, type ProposalView, summaryRow } from './incident.view-model';
import { ASSIGN_TEXTS, QUEUE_TEXTS, SEVERITY_LABELS, SIDE_LABELS, STATUS_LABELS } from './incidents.texts.nb';

const options = (pairs: Array<[string, string]>, selected: string | undefined) =>
  pairs.map(([value, label]) => ({ value, label, selected: value === (selected ?? '') }));

const all: [string, string] = ['', QUEUE_TEXTS.all];

export interface QueuePageData {
  incidents: Page<IncidentSummary>;
  proposals: ProposalView[];
  /** The catalogue's services in force, offered by name in the filter. */
  services: Array<{ code: string; name: string }>;
}

/**
 * The queue's columns in order; those with a sort key sort the list. What staff weigh first
 * (severity, how many municipalities, how recent) comes right after the title, which carries the
 * services and environment beneath it, so the whole row fits a laptop's screen; the first report's
 * time is shown on wider screens only (`app-wide-only`), as the incident page shows it too.
 */
const COLUMNS: Array<[keyof typeof QUEUE_TEXTS.columns, QueueSort | null, string?]> = [
  ['reference', 'reference'],
  ['title', 'title'],
  ['impact', 'impact'],
  ['consumers', 'consumers'],
  ['reports', 'reports'],
  ['last', 'last'],
  ['status', 'status'],
  ['assignee', null],
  ['first', 'first', 'app-wide-only'],
];

/** The queue with its filter form, sortable columns and pages; a failed decision on a proposal is shown beside it. */
export function queueViewModel(
  { incidents, proposals, services }: QueuePageData,
  q: QueueQuery,
  list: ListQuery<QueueSort>,
  failure?: FormFailure,
) {
  const links: ListLinks<QueueSort> = { path: '/incidents', filter: { ...q }, query: list };
  return {
    title: QUEUE_TEXTS.title,
    incidents: incidents.items.map(summaryRow),
    columns: COLUMNS.map(([column, key, className]) => {
      const label = QUEUE_TEXTS.columns[column];
      return { ...(key ? { sortable: true, ...sortHeader(links, QUEUE_LIST, key, label) } : { sortable: false, label }), className };
    }),
    pagination: pagination(links, incidents.total, COUNTED_NOUNS.incident),
    proposals: proposals.map((p) => proposalRow(p, undefined, failure)),
    failure: failure && !proposals.some((p) => p.id === failure.params.proposalId) ? failure : undefined,
    filter: q,
    filtered: Object.values(q).some(Boolean),
    statusOptions: options(
      [
        ['open', QUEUE_TEXTS.openStatuses],
        ['all', QUEUE_TEXTS.all],
        ...INCIDENT_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]]),
      ],
      q.status || 'open',
    ),
    sideOptions: options([all, ...INCIDENT_SIDES.map((s): [string, string] => [s, SIDE_LABELS[s]])], q.side),
    serviceOptions: options([all, ...services.map((s): [string, string] => [s.code, s.name || s.code])], q.service),
    environmentOptions: options([all, ...ENVIRONMENTS.map((e): [string, string] => [e, ENVIRONMENT_LABELS[e]])], q.environment),
    severityOptions: options(
      [all, ['critical,high', QUEUE_TEXTS.criticalOrHigh], ...SEVERITIES.map((s): [string, string] => [s, SEVERITY_LABELS[s]])],
      q.severity,
    ),
    assigneeOptions: options([all, ['me', ASSIGN_TEXTS.mine], ['none', ASSIGN_TEXTS.unassigned]], q.assignee),
  };
}

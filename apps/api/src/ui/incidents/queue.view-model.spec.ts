import type { IncidentSummary } from '@domain/incidents';

import { parseListQuery } from '../shared/list-query';
import type { FormFailure } from '../shared/page-form';
import { QUEUE_LIST } from './incident.forms';
import type { ProposalView } from './incident.view-model';
import { queueViewModel } from './queue.view-model';

const incident = {
  id: 'i1',
  reference: 'KS-1',
  status: 'new',
  side: 'undetermined',
  severity: null,
  suggestedSeverity: 'low',
  environment: 'test',
} as IncidentSummary;
const proposal = {
  id: 'p1',
  status: 'proposed',
  score: 0.7,
  reasons: [],
  survivor: { id: 'i1' },
  merged: { id: 'i2' },
} as unknown as ProposalView;
const failure = (proposalId: string): FormFailure => ({
  form: 'accept',
  params: { proposalId },
  body: {},
  code: 'incident_not_found',
  error: 'Fant ikke forslaget.',
  fieldErrors: [],
});

describe('queueViewModel', () => {
  const data = {
    incidents: { items: [incident], total: 1 },
    proposals: [proposal],
    services: [
      { code: 'SSG', name: 'Summert skattegrunnlag' },
      { code: 'INNTEKT', name: 'Inntekt' },
    ],
  };
  const list = parseListQuery({}, QUEUE_LIST);

  it('defaults the status filter to the open incidents and offers every choice in Norwegian', () => {
    const model = queueViewModel(data, {}, list);
    expect(model.filtered).toBe(false);
    expect(model.statusOptions.find((o) => o.selected)).toEqual({ value: 'open', label: 'Åpne (ny, vurdert, eskalert)', selected: true });
    expect(model.environmentOptions.map((o) => o.label)).toEqual(['Alle', 'Produksjon', 'Test']);
    expect(model.serviceOptions.map((o) => [o.value, o.label])).toEqual([
      ['', 'Alle'],
      ['SSG', 'Summert skattegrunnlag'],
      ['INNTEKT', 'Inntekt'],
    ]);
    expect(model.severityOptions[1]).toEqual({ value: 'critical,high', label: 'Kritisk eller høy', selected: false });
    expect(model.incidents[0]).toMatchObject({ statusLabel: 'Ny', environmentLabel: 'Test' });
  });

  it('marks the chosen filters', () => {
    const model = queueViewModel(data, { status: 'resolved', service: 'SSG', severity: 'critical,high' }, list);
    expect(model.filtered).toBe(true);
    expect(model.statusOptions.find((o) => o.selected)?.value).toBe('resolved');
    expect(model.serviceOptions.find((o) => o.selected)?.value).toBe('SSG');
    expect(model.severityOptions.find((o) => o.selected)?.value).toBe('critical,high');
  });

  it('shows a failed decision beside its proposal, or at the top when the proposal is gone', () => {
    expect(queueViewModel(data, {}, list, failure('p1')).proposals[0].failed).toBeDefined();
    expect(queueViewModel(data, {}, list, failure('p1')).failure).toBeUndefined();
    expect(queueViewModel(data, {}, list, failure('gone')).failure).toBeDefined();
  });

  it('sorts by impact unless asked otherwise, and keeps the filter in the sort and page links', () => {
    const model = queueViewModel(
      { ...data, incidents: { items: [incident], total: 120 } },
      { status: 'all', q: 'Alta' },
      parseListQuery({ sort: 'consumers', page: '2' }, QUEUE_LIST),
    );
    const consumers = model.columns.find((c) => c.label === 'Kommuner');
    expect(consumers).toMatchObject({
      sortable: true,
      ariaSort: 'descending',
      href: '/incidents?status=all&q=Alta&sort=consumers&dir=asc',
    });
    expect(model.columns.find((c) => c.label === 'Saksbehandler')).toEqual({ sortable: false, label: 'Saksbehandler' });
    expect(model.columns.find((c) => c.label === 'Første melding')).toMatchObject({ sortable: true, className: 'app-wide-only' });
    expect(model.pagination).toMatchObject({
      summary: 'Viser 51–100 av 120 hendelser',
      next: '/incidents?status=all&q=Alta&sort=consumers&dir=desc&page=3',
      prev: '/incidents?status=all&q=Alta&sort=consumers&dir=desc',
    });
    // Most severe first is the impact order's descending direction: the header says so, and a click turns it round.
    expect(queueViewModel(data, {}, list).columns.find((c) => c.label === 'Alvorlighet')).toMatchObject({
      ariaSort: 'descending',
      arrow: '▼',
      href: '/incidents?sort=impact&dir=asc',
    });
  });
});

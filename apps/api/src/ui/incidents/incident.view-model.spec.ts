import type { ConversationEntry, IncidentSummary } from '@domain/incidents';

import { parseListQuery } from '../shared/list-query';
import type { FormFailure } from '../shared/page-form';
import {
  type ConversationView,
  eventText,
  INCIDENT_GROUPS,
  IncidentPageView,
  incidentViewModel,
  messageHeading,
  proposalRow,
  ProposalView,
  summaryRow,
} from './incident.view-model';

const summary: IncidentSummary = {
  id: 'i1',
  reference: 'KS-2026-0001',
  title: 'SSG svarer 503',
  restricted: false,
  status: 'new',
  side: 'undetermined',
  severity: null,
  suggestedSeverity: 'high',
  environment: 'production',
  track: 'ordinary',
  services: ['SSG'],
  errorCodes: [],
  consumerCount: 3,
  reportCount: 4,
  firstSeenAt: new Date('2026-11-30T08:00:00Z'),
  lastSeenAt: new Date('2026-11-30T09:00:00Z'),
  escalated: false,
  knownIssue: null,
  assignee: null,
  group: null,
};

const oslo = { id: 'c1', name: 'Oslo kommune', orgNumber: '974760673' };
const report = (id: string, receivedAt = new Date('2026-11-30T08:00:00Z'), serviceRegistered = true) => ({
  id,
  serviceRegistered,
  reference: `M-2026-0000${id}`,
  consumerId: 'c1',
  consumer: oslo,
  receivedAt,
  incidentId: 'i1',
  channel: 'api' as const,
  service: 'SSG',
  environment: 'production' as const,
  category: 'incident' as const,
  title: 'Feil',
  description: 'Beskrivelse',
  match: { action: 'attach', score: 0.612, confidence: 'likely', by: 'auto', runnerUp: { reference: 'KS-2026-0002', score: 0.4 } },
});

const detail = {
  ...summary,
  skeCaseReference: null,
  correlationIds: [],
  consumers: [oslo],
  groups: [
    {
      consumerId: 'c1',
      consumer: oslo,
      reportCount: 2,
      firstAt: new Date('2026-11-30T08:00:00Z'),
      lastAt: new Date('2026-11-30T09:00:00Z'),
      reports: [report('1'), report('2', new Date('2026-11-30T09:00:00Z'))],
    },
  ],
  firstReport: { ...report('1'), groupPosition: 1 },
  newestReports: [{ ...report('2'), groupPosition: 1 }],
  events: [{ at: new Date(), actorLabel: 'system', kind: 'opened', details: { reasons: ['ny feilkode'] } }],
} as unknown as IncidentPageView;
const reportsOf = (model: ReturnType<typeof incidentViewModel>) => model.groups.flatMap((g) => g.reports);

const proposal = (id: string): ProposalView => ({
  id,
  status: 'proposed',
  score: 0.8123,
  reasons: ['samme feilkode'],
  createdAt: new Date(),
  decidedBy: null,
  restricted: false,
  survivor: { id: 'i1', reference: 'KS-2026-0001', title: 'A', status: 'new', restricted: false },
  merged: { id: 'i2', reference: 'KS-2026-0002', title: 'B', status: 'new', restricted: false },
});

const failure = (form: string, params: Record<string, string> = {}, body: FormFailure['body'] = {}): FormFailure => ({
  form,
  params: { id: 'i1', ...params },
  body,
  code: 'validation_failed',
  error: 'Skjemaet er ikke fylt ut riktig.',
  fieldErrors: [],
});

const message = (over: Partial<ConversationEntry>): ConversationEntry => ({
  id: 'm1',
  direction: 'out',
  audience: 'internal',
  channel: 'desk',
  body: 'Tekst',
  authorLabel: 'kari@ks.no',
  at: new Date('2026-03-01T10:00:00Z'),
  recipientCount: 0,
  municipalities: [],
  ...over,
});
const conversation: ConversationView = {
  messages: [message({}), message({ id: 'm2', direction: 'in', audience: 'skatteetaten', channel: 'email', authorLabel: 'sb@ske.no' })],
  skatteetatenThread: { to: ['drift@ske.no'] },
  municipalities: [
    { id: 'c1', name: 'Bergen kommune' },
    { id: 'c2', name: 'Oslo kommune' },
  ],
};
const data = {
  incident: detail,
  proposals: [proposal('p1')],
  articles: [{ id: 'a1', title: 'T', answer: 'Svar' }],
  neighbours: [],
  conversation,
};

describe('summaryRow', () => {
  it.each([
    [{ severity: null, suggestedSeverity: 'high' }, 'Høy', 'warning', true],
    [{ severity: 'critical', suggestedSeverity: 'low' }, 'Kritisk', 'danger', false],
  ] as const)('shows severity %p as %s', (severity, label, color, suggested) => {
    const row = summaryRow({ ...summary, ...severity });
    expect([row.severityLabel, row.severityColor, row.severitySuggested]).toEqual([label, color, suggested]);
  });

  it.each([
    ['new', 'Ny', true],
    ['escalated', 'Eskalert', true],
    ['resolved', 'Løst', false],
  ])('labels status %s as %s (open: %s)', (status, label, open) => {
    const row = summaryRow({ ...summary, status });
    expect([row.statusLabel, row.open]).toEqual([label, open]);
  });

  it('labels side and environment in Norwegian', () => {
    expect(summaryRow({ ...summary, side: 'ske', environment: 'test' })).toMatchObject({
      sideLabel: 'Skatteetaten',
      environmentLabel: 'Test',
    });
  });
});

describe('proposalRow', () => {
  it('names a security case the caller may not read by its reference only, without the reasons that quote it', () => {
    const p = proposal('p2');
    const row = proposalRow({ ...p, restricted: true, reasons: [], merged: { ...p.merged!, title: '', restricted: true } }, 'i1');
    expect(row.other).toMatchObject({ reference: 'KS-2026-0002', title: 'Sikkerhetssak (innholdet er skjermet)' });
    expect(row.reasons).toEqual(['Bare sikkerhetsrollen og administratorer kan se innholdet.']);
    expect(proposalRow(p, 'i1')).toMatchObject({ other: { title: 'B' }, reasons: ['samme feilkode'] });
  });
});

describe('eventText', () => {
  it.each([
    ['opened', { reasons: ['ny feilkode', 'ny tjeneste'] }, 'Opprettet: ny feilkode; ny tjeneste'],
    ['opened', { splitFrom: 'KS-2026-0001', reports: ['M-1', 'M-2'] }, 'Opprettet ved utskilling fra KS-2026-0001 (M-1, M-2)'],
    [
      'report_received',
      { report: 'M-1', channel: 'form', action: 'attach', score: 0.5 },
      'Melding M-1 mottatt (Skjema), koblet til hendelsen, score 0,50',
    ],
    ['report_received', { report: 'M-1', channel: 'api', action: 'open' }, 'Melding M-1 mottatt (API), åpnet hendelsen'],
    ['triaged', { side: 'local', severity: null }, 'Vurdert: side Lokal (hos konsumenten), alvorlighet ikke satt'],
    ['triaged', {}, 'Vurdert'],
    ['escalated', { to: ['a@ske.no', 'b@ske.no'], security: true }, 'Eskalert til a@ske.no, b@ske.no (sikkerhetskanalen)'],
    ['resolved', { side: 'local', notified: 2 }, 'Løst lokalt (førstelinjesvar); 2 adresser varslet'],
    ['resolved', { side: 'ske', notified: 1 }, 'Løst; 1 adresse varslet'],
    ['follow_up_sent', { newReports: 1 }, 'Oppfølging sendt i tråden til Skatteetaten (1 ny melding)'],
    [
      'escalation_thread_merged',
      { from: 'KS-2', skeCaseReference: null, to: ['ssg@ske.no'], joined: true },
      'Tråden til Skatteetaten om KS-2 ble avsluttet med melding om at saken følges opp her; mottakerne (ssg@ske.no) er lagt til i denne tråden',
    ],
    [
      'escalation_thread_merged',
      { from: 'KS-2', skeCaseReference: null, to: ['sikkerhet@ske.no'], joined: false },
      'Tråden til Skatteetaten om KS-2 ble avsluttet med melding om at saken følges opp i en annen kanal; mottakerne (sikkerhet@ske.no) er ikke lagt til i denne tråden',
    ],
    ['merged_into', { into: 'KS-2', how: 'auto' }, 'Slått sammen inn i KS-2 (automatisk)'],
    [
      'message_received',
      { audience: 'skatteetaten', from: 'sb@ske.no', channel: 'email' },
      'Svar fra Skatteetaten i eskaleringstråden (sb@ske.no)',
    ],
    [
      'message_received',
      { audience: 'municipalities', from: 'Oslo kommune', channel: 'portal', report: 'M-2026-00001' },
      'Svar fra kommunen om M-2026-00001 (i portalen)',
    ],
    ['message_sent', { audience: 'skatteetaten', recipients: 1, consumers: 0 }, 'Svar sendt i tråden til Skatteetaten'],
    ['message_sent', { audience: 'municipalities', recipients: 3, consumers: 2 }, 'Melding sendt til 2 kommuner (3 adresser)'],
    ['note_added', {}, 'Internt notat lagt til'],
    ['assigned', { from: null, to: 'Kari' }, 'Tildelt: Kari'],
    ['group_set', { from: 'Tilgang', to: null }, 'Gruppe endret: ingen gruppe'],
    ['reopened', { report: 'M-2026-00001', status: 'escalated' }, 'Gjenåpnet av kommunen (melding M-2026-00001); status Eskalert'],
    ['something_new', {}, 'something_new'],
  ])('%s %p', (kind, details, expected) => {
    expect(eventText({ kind, details } as never).text).toBe(expected);
  });

  it('links a merge to the other incident', () => {
    expect(eventText({ kind: 'merged_in', details: { from: 'KS-2', fromId: 'i2', reports: 3, how: 'manual' } } as never)).toEqual({
      text: 'KS-2 slått sammen med denne (3 meldinger, av saksbehandler)',
      link: { href: '/incidents/i2', text: 'KS-2' },
    });
  });
});

describe('messageHeading', () => {
  it.each<[Partial<ConversationEntry>, string]>([
    [{ audience: 'internal' }, 'Internt notat'],
    [{ audience: 'skatteetaten', direction: 'in', authorLabel: 'sb@ske.no' }, 'Svar fra Skatteetaten (sb@ske.no)'],
    [{ audience: 'skatteetaten', direction: 'out' }, 'Til Skatteetaten'],
    [
      { audience: 'municipalities', direction: 'out', municipalities: ['Bergen kommune', 'Oslo kommune'], recipientCount: 4 },
      'Til Bergen kommune, Oslo kommune (4 adresser)',
    ],
    [{ audience: 'municipalities', direction: 'in', channel: 'email', municipalities: ['Oslo kommune'] }, 'Fra Oslo kommune (e-post)'],
    [{ audience: 'municipalities', direction: 'in', channel: 'portal', municipalities: [] }, 'Fra kommunen (i portalen)'],
  ])('%p → %s', (over, heading) => {
    expect(messageHeading(message(over))).toBe(heading);
  });
});

describe('incidentViewModel', () => {
  it('offers the active groups and staff, keeping an archived group the incident is still in', () => {
    const incident = { ...data.incident, group: { id: 'g-old', name: 'Gammel' }, assignee: { id: 's1', name: 'Kari' } };
    const assignable = { staff: [{ value: 's1', label: 'Kari', groups: 'g1' }], groups: [{ value: 'g1', label: 'Tilgang' }] };
    const model = incidentViewModel({ ...data, incident, assignable });
    expect(model.assign.groupOptions.map((o) => [o.value, o.selected])).toEqual([
      ['none', false],
      ['g1', false],
      ['g-old', true],
    ]);
    expect(model.assign.assigneeOptions.find((o) => o.selected)?.value).toBe('s1');
    expect(model.assign).toMatchObject({ currentGroupId: 'g-old', currentAssigneeId: 's1' });
    expect(model.incident).toMatchObject({ groupName: 'Gammel', assigneeName: 'Kari' });
  });

  it('shows the conversation with headings, marks internal notes, and offers the thread to Skatteetaten once it is sent', () => {
    const model = incidentViewModel(data);
    expect(model.conversation.messages.map((m) => [m.heading, m.internal])).toEqual([
      ['Internt notat', true],
      ['Svar fra Skatteetaten (sb@ske.no)', false],
    ]);
    expect(model.conversation.skatteetaten).toMatchObject({ to: ['drift@ske.no'], body: '' });
    expect(
      incidentViewModel({ ...data, conversation: { ...conversation, skatteetatenThread: null } }).conversation.skatteetaten,
    ).toBeNull();
  });

  it('keeps a failed message to municipalities beside its form, with the municipalities ticked', () => {
    const f = failure('municipalities', {}, { body: 'Hei', consumerIds: ['c2'] });
    const model = incidentViewModel(data, f);
    expect(model.conversation.municipalities).toMatchObject({ body: 'Hei', failure: f });
    expect(model.conversation.municipalities.choices.map((c) => c.picked)).toEqual([false, true]);
    expect(model.failure).toBeUndefined();
  });

  it('shows the incident with its reports, history and choices, and no failure', () => {
    const model = incidentViewModel(data);
    expect(model.title).toBe('KS-2026-0001 SSG svarer 503');
    expect(reportsOf(model)[0].match).toMatchObject({
      actionLabel: 'Koblet til hendelse',
      scoreText: '0,61',
      confidenceLabel: 'sannsynlig',
    });
    expect(reportsOf(model)[0].match.runnerUp).toMatchObject({ scoreText: '0,40' });
    expect(model.events[0].text).toBe('Opprettet: ny feilkode');
    expect(model.proposals[0]).toMatchObject({
      scoreText: '0,81',
      statusLabel: 'Foreslått',
      open: true,
      other: { reference: 'KS-2026-0002' },
    });
    expect(model.severityOptions[0]).toEqual({ value: '', label: 'Ikke satt (foreslått: Høy)', selected: true });
    expect(model.triage).toMatchObject({ side: 'undetermined', title: 'SSG svarer 503', failure: undefined });
    expect(model.failure).toBeUndefined();
  });

  it.each([
    [0, 0, 0],
    [5, 5, 0],
    [40, 5, 35],
  ])('lists %i correlation ids as %i shown and %i behind a fold', (count, shown, folded) => {
    const correlationIds = Array.from({ length: count }, (_, i) => `corr-${i}`);
    const model = incidentViewModel({ ...data, incident: { ...detail, correlationIds } });
    expect([model.correlationIds.length, model.moreCorrelationIds.length]).toEqual([shown, folded]);
    expect([...model.correlationIds, ...model.moreCorrelationIds]).toEqual(correlationIds);
  });

  it.each<[string, boolean[], boolean]>([
    ['registered for the service', [true, true], false],
    ['not registered for it in one report', [true, false], true],
  ])('marks a municipality %s', (_label, registered, marked) => {
    const reports = registered.map((r, i) => report(String(i + 1), undefined, r));
    const incident = { ...detail, groups: [{ ...detail.groups[0], reports }] } as unknown as IncidentPageView;
    const model = incidentViewModel({ ...data, incident });
    expect(model.groups[0].unregistered).toBe(marked);
    expect(model.groups[0].reports.map((r) => r.serviceRegistered)).toEqual(registered);
    expect(model.anyUnregistered).toBe(marked);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a likely match with a runner-up that scored', {}, 'KS-2026-0002'],
    ['a certain match', { confidence: 'certain' }, ''],
    ['a runner-up that scored nothing', { runnerUp: { reference: 'KS-2026-0002', score: 0 } }, ''],
    ['no runner-up', { runnerUp: null }, ''],
  ])('offers the runner-up as where to move a report only after %s', (_label, over, suggestion) => {
    const r = report('1');
    const reports = [{ ...r, match: { ...r.match, ...over } }];
    const incident = { ...detail, groups: [{ ...detail.groups[0], reports }] } as unknown as IncidentPageView;
    expect(incidentViewModel({ ...data, incident }).groups[0].reports[0].moveSuggestion).toBe(suggestion);
  });

  it('keeps the values of a failed triage beside its form', () => {
    const f = failure('triage', {}, { side: 'ske', severity: 'low', title: 'Ny tittel' });
    const model = incidentViewModel(data, f);
    expect(model.triage).toMatchObject({ side: 'ske', severity: 'low', title: 'Ny tittel', failure: f });
    expect(model.sideOptions.find((o) => o.selected)?.value).toBe('ske');
    expect(model.failure).toBeUndefined();
  });

  it('shows a failed move beside the report it concerns', () => {
    const f = failure('move', { reportId: '2' });
    const model = incidentViewModel(data, f);
    expect(reportsOf(model).map((r) => !!r.move)).toEqual([false, true]);
    expect(model.failure).toBeUndefined();
  });

  it('keeps the reports chosen in a failed split and the answer chosen in a failed resolution', () => {
    expect(reportsOf(incidentViewModel(data, failure('split', {}, { reportIds: '1' }))).map((r) => r.picked)).toEqual([true, false]);
    const resolved = incidentViewModel(data, failure('resolve', {}, { message: 'Løst', articleId: 'a1' }));
    expect(resolved.resolve.message).toBe('Løst');
    expect(resolved.articles[0].selected).toBe(true);
  });

  it.each<[string, string, boolean]>([
    ['local', 'ticks', true],
    ['ske', 'leaves unticked', false],
  ])('on an incident triaged %s, %s the resolution\'s "fault was the consumer\'s" box', (side, _does, ticked) => {
    const incident = { ...detail, side } as unknown as IncidentPageView;
    expect(incidentViewModel({ ...data, incident }).resolve).toMatchObject({ local: ticked, wasLocal: ticked });
  });

  it('shows a failed proposal decision beside the proposal', () => {
    const model = incidentViewModel(data, failure('accept', { proposalId: 'p1' }));
    expect(model.proposals[0].failed).toBeDefined();
    expect(model.failure).toBeUndefined();
  });

  it('shows a failure it has no form for at the top', () => {
    const model = incidentViewModel(data, failure('move', { reportId: 'gone' }));
    expect(model.failure).toBeDefined();
  });

  describe('a big incident', () => {
    const big = (reportCount: number, consumerCount: number) => ({ ...detail, reportCount, consumerCount });

    it('shows the reports of a small incident at once and folds each municipality of a bigger one', () => {
      expect(incidentViewModel({ ...data, incident: big(10, 3) }).groups[0]).toMatchObject({ open: true, countText: '2 meldinger' });
      expect(incidentViewModel({ ...data, incident: big(11, 3) }).groups[0].open).toBe(false);
    });

    it('opens the municipality whose report a failed form concerns', () => {
      expect(incidentViewModel({ ...data, incident: big(300, 40) }, failure('move', { reportId: '2' })).groups[0].open).toBe(true);
      expect(incidentViewModel({ ...data, incident: big(300, 40) }, failure('split', {}, { reportIds: '1' })).groups[0].open).toBe(true);
    });

    it('pages the municipalities and links the first and newest reports to the page their municipality is on', () => {
      const incident = {
        ...big(300, 60),
        firstReport: { ...report('1'), groupPosition: 1 },
        newestReports: [{ ...report('9'), groupPosition: 26 }],
      } as unknown as IncidentPageView;
      const model = incidentViewModel({ ...data, incident, groups: parseListQuery({ page: '2' }, INCIDENT_GROUPS) });
      expect(model.page).toBe(2);
      expect(model.groupPages).toMatchObject({
        summary: 'Viser 26–50 av 60 berørte kommuner',
        prev: '/incidents/i1',
        next: '/incidents/i1?page=3',
      });
      expect(model.firstReport).toMatchObject({ reference: 'M-2026-00001', consumerName: 'Oslo kommune', href: '/incidents/i1#report-1' });
      expect(model.newestReports[0].href).toBe('/incidents/i1?page=2#report-9');
    });

    it('shows the newest entries of a long timeline and folds the older ones', () => {
      const events = Array.from({ length: 40 }, (_, i) => ({
        at: new Date(),
        actorLabel: 'system',
        kind: 'report_received',
        details: { report: `M-${i}`, channel: 'api', action: 'attach' },
      }));
      const model = incidentViewModel({ ...data, incident: { ...detail, events } as unknown as IncidentPageView });
      expect(model.events).toHaveLength(10);
      expect(model.earlierEvents).toHaveLength(30);
      expect(model.events[9].text).toContain('M-39');
    });
  });
});

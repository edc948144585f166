import type { CaseActivityEntry } from '@domain/incidents';
import type { CannedResponse, TicketActivity, TicketLinkKind, TicketSlaView, TicketTimelineEvent, TicketView } from '@domain/support';

import { parseListQuery, TICKETS_LATEST_FIRST } from '../shared/list-query';
import type { FormFailure } from '../shared/page-form';
import { TICKET_LIST } from './ticket.forms';
import {
  activityRow,
  askFormViewModel,
  businessDuration,
  cannedViewModel,
  linkHref,
  newTicketViewModel,
  portalListViewModel,
  portalTicketViewModel,
  slaViewModel,
  staffTicketViewModel,
  ticketListViewModel,
  ticketRow,
  timelineText,
} from './ticket.view-model';

const at = new Date('2026-03-01T10:00:00Z');
const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  reference: 'HV-2026-0001',
  consumerId: 'c1',
  consumerName: 'Oslo kommune',
  unverified: false,
  requesterName: 'Kari',
  requesterEmail: 'kari@oslo.test',
  subject: 'Tilgang',
  category: 'access',
  serviceCode: null,
  priority: 'normal',
  status: 'new',
  channel: 'portal',
  assignee: null,
  group: null,
  tags: [],
  firstResponseAt: null,
  resolvedAt: null,
  slaDueAt: null,
  lastMessageAt: at,
  createdAt: at,
  messages: [
    {
      id: 'm1',
      visibility: 'public',
      author: 'requester',
      authorLabel: 'kari@oslo.test',
      channel: 'portal',
      body: 'Hei',
      createdAt: at,
      attachments: [],
    },
    {
      id: 'm2',
      visibility: 'internal',
      author: 'staff',
      authorLabel: 'agent@ks.no',
      channel: 'staff',
      body: 'Notat',
      createdAt: at,
      attachments: [],
    },
    {
      id: 'm3',
      visibility: 'public',
      author: 'staff',
      authorLabel: 'agent@ks.no',
      channel: 'staff',
      body: 'Svar',
      createdAt: at,
      attachments: [],
    },
  ],
  links: [],
  mergedInto: null,
  merged: [],
  ...over,
});

const event = <K extends TicketTimelineEvent['kind']>(kind: K, details: Extract<TicketTimelineEvent, { kind: K }>['details']) =>
  ({ id: '1', ticketId: 't1', at, actorLabel: 'agent@ks.no', kind, details }) as TicketTimelineEvent;

const canned: CannedResponse = {
  id: 'k1',
  title: 'Løst',
  body: 'Hei {{navn}}',
  setStatus: 'resolved',
  updatedBy: 'agent@ks.no',
  createdAt: at,
  updatedAt: at,
};

const failure = (form: string, body: Record<string, string> = {}, params: Record<string, string> = { id: 't1' }): FormFailure => ({
  form,
  params,
  body,
  code: 'validation_failed',
  error: 'Sjekk feltene.',
  fieldErrors: [{ field: 'body', name: 'body', label: 'Melding', message: 'Skriv meldingen.' }],
});

const staffData = (over: Partial<TicketView> = {}) => ({
  ticket: ticket(over),
  timeline: [],
  staff: [{ value: 's1', label: 'Agent', groups: '' }],
  groups: [{ value: 'g1', label: 'Tilgang' }],
  canned: [canned],
  candidates: [],
  serviceName: null,
  sla: { tag: 'on_track', clocks: [] } as TicketSlaView,
  suggestions: [{ id: 'k1', slug: 'altinn-delegering', title: 'Delegering i Altinn', answer: 'Sjekk delegeringen.' }],
  helpUrl: 'https://desk.example.test/portal/hjelp/',
  consumers: [
    { value: 'c1', label: 'Oslo kommune (123456789)' },
    { value: 'c2', label: 'Bergen kommune (987654321)' },
  ],
  senderConsumers: [] as string[],
});
const HOUR = 3_600_000;

describe('ticket view models', () => {
  it.each<[string, Partial<TicketView>, boolean, Record<string, unknown>]>([
    ['a new ticket for staff', {}, false, { statusLabel: 'Ny', categoryLabel: 'Tilgang og påkobling', assigneeName: 'Ingen' }],
    ['the same for the consumer', {}, true, { statusLabel: 'Mottatt' }],
    ['a waiting ticket for the consumer', { status: 'waiting_on_consumer' }, true, { statusLabel: 'Venter på svar fra dere' }],
    ['an urgent one', { priority: 'urgent' }, false, { priorityLabel: 'Haster', urgent: true }],
    ['an e-mail from an unknown sender', { consumerId: null, consumerName: null }, false, { consumerName: 'Ukjent avsender' }],
    ['an assigned one', { assignee: { id: 's1', name: 'Agent' } }, false, { assigneeName: 'Agent' }],
    ['one due later', { slaDueAt: new Date('2026-03-01T12:00:00Z') }, false, { slaOverdue: false }],
    ['one past due', { slaDueAt: new Date('2026-03-01T09:00:00Z') }, false, { slaOverdue: true }],
    ['one without a running clock', {}, false, { slaDueAt: null, slaOverdue: false }],
  ])('shows %s', (_case, over, portal, expected) => {
    expect(ticketRow(ticket(over), portal, at)).toMatchObject(expected);
  });

  it.each<[number, string]>([
    [0, '0 min'],
    [45 * 60_000, '45 min'],
    [2 * HOUR, '2 t'],
    [2 * HOUR + 15 * 60_000, '2 t 15 min'],
    [-(HOUR + 5 * 60_000), '1 t 5 min'],
  ])('writes %d ms of business time as %s', (millis, text) => {
    expect(businessDuration(millis)).toBe(text);
  });

  it('shows the SLA tag and each clock with its due instant and the time left or over', () => {
    const due = new Date('2026-03-02T10:00:00Z');
    const model = slaViewModel({
      tag: 'breached',
      clocks: [
        {
          target: 'firstResponse',
          state: 'breached',
          targetMillis: 4 * HOUR,
          remainingMillis: -HOUR,
          dueAt: due,
          warnedAt: at,
          breachedAt: due,
        },
        {
          target: 'resolution',
          state: 'paused',
          targetMillis: 16 * HOUR,
          remainingMillis: 3 * HOUR,
          dueAt: null,
          warnedAt: null,
          breachedAt: null,
        },
      ],
    });
    expect(model).toMatchObject({ tagLabel: 'Brutt', tagColor: 'danger' });
    expect(model.clocks).toEqual([
      expect.objectContaining({
        label: 'Første svar',
        stateLabel: 'Brutt',
        target: '4 t',
        dueAt: due,
        left: '1 t over fristen',
        breachedAt: due,
      }),
      expect.objectContaining({ label: 'Løsning', stateLabel: 'Pauset', target: '16 t', dueAt: null, left: '3 t igjen (pauset)' }),
    ]);
    const met = slaViewModel({
      tag: 'met',
      clocks: [
        { target: 'resolution', state: 'met', targetMillis: HOUR, remainingMillis: 0, dueAt: null, warnedAt: null, breachedAt: null },
      ],
    });
    expect(met).toMatchObject({ tagLabel: 'Innfridd', clocks: [expect.objectContaining({ stateLabel: 'Innfridd', left: null })] });
  });

  it('pages the portal’s questions fifty at a time, counting all of them', () => {
    const second = parseListQuery({ page: '2' }, TICKETS_LATEST_FIRST);
    const model = portalListViewModel({ items: [ticket()], total: 51 }, second);
    expect(model.tickets.map((t) => t.reference)).toEqual([ticket().reference]);
    expect(model.pagination).toMatchObject({ summary: 'Viser 51–51 av 51 henvendelser', prev: '/portal/tickets', next: null });
  });

  it('never gives the portal an internal note, and shows KS answers apart', () => {
    const model = portalTicketViewModel(ticket());
    expect(model.messages.map((m) => m.body)).toEqual(['Hei', 'Svar']);
    expect(model.messages.map((m) => m.fromStaff)).toEqual([false, true]);
    expect(JSON.stringify(model)).not.toContain('Notat');
  });

  it.each<[string, Partial<TicketView>, boolean]>([
    ['an open ticket', { status: 'open' }, true],
    ['a resolved ticket', { status: 'resolved' }, true],
    ['a closed ticket', { status: 'closed' }, false],
    ['a merged ticket', { mergedInto: { id: 't2', reference: 'HV-2026-0002' } }, false],
  ])('lets the consumer reply on %s: %s', (_case, over, canReply) => {
    expect(portalTicketViewModel(ticket(over)).canReply).toBe(canReply);
  });

  it.each<[string, Partial<TicketView>, string]>([
    ['its status', { status: 'new' }, 'Ny'],
    ['«Slått sammen» in place of its status', { status: 'new', mergedInto: { id: 't2', reference: 'HV-2026-0002' } }, 'Slått sammen'],
  ])('shows staff %s', (_case, over, label) => {
    expect(staffTicketViewModel(staffData(over)).ticket.statusLabel).toBe(label);
  });

  it("leads each refused field of the caller's question form to its control, in the form's order", () => {
    const refused: FormFailure = {
      ...failure('new'),
      fieldErrors: [
        { field: 'subject', name: 'subject', label: 'Emne', message: 'x' },
        { field: 'requesterEmail', name: 'requesterEmail', label: 'E-post til innringer', message: 'x' },
        { field: 'unknown', name: 'unknown', label: 'unknown', message: 'x' },
      ],
    };
    const model = newTicketViewModel([], [], {}, refused);
    expect(model.failure?.fieldErrors.map((f) => [f.name, f.href])).toEqual([
      ['requesterEmail', '#t-email'],
      ['subject', '#t-subject'],
      ['unknown', undefined],
    ]);
  });

  it('sets KS’s notes apart for staff', () => {
    const model = staffTicketViewModel(staffData());
    expect(model.messages.map((m) => [m.body, m.internal, m.kindLabel])).toEqual([
      ['Hei', false, 'Fra kommunen'],
      ['Notat', true, 'Intern merknad'],
      ['Svar', false, 'Svar til kommunen'],
    ]);
  });

  it('offers no way back to new once a ticket has moved on, and keeps what a failed form had', () => {
    const open = staffTicketViewModel(staffData({ status: 'open' }), failure('update', { priority: 'high', tags: 'a, b' }));
    expect(open.update.statusOptions.map((o) => o.value)).not.toContain('new');
    expect(open.update.priorityOptions.find((o) => o.selected)?.value).toBe('high');
    expect(open.update.tags).toBe('a, b');
    expect(open.update.failure?.form).toBe('update');
    expect(open.reply.failure).toBeUndefined();
    const fresh = staffTicketViewModel(staffData());
    expect(fresh.update.statusOptions.find((o) => o.selected)?.value).toBe('new');
  });

  it.each<[string, FormFailure | undefined, string | undefined, string, boolean]>([
    ['a refused link', failure('links', { kind: 'change_request', reference: 'EF-2026-9999' }), 'change_request', 'EF-2026-9999', true],
    ['a refused unlink', failure('unlink'), undefined, '', false],
    ['no failure', undefined, undefined, '', false],
  ])('shows the link form after %s with what it had, marked when it was refused', (_label, refused, kind, reference, invalid) => {
    const { links } = staffTicketViewModel(staffData(), refused);
    expect(links.kindOptions.find((o) => o.selected)?.value).toBe(kind);
    expect([links.reference, links.referenceInvalid]).toEqual([reference, invalid]);
  });

  it.each<[string, string[], string | undefined]>([
    ['with another open ticket to choose', ['t1', 't2'], '#merge-into'],
    ['with none left to choose, unlinked', ['t1'], undefined],
  ])('leads a refused merge to the choice %s', (_label, open, href) => {
    const refused: FormFailure = {
      ...failure('merge', { intoId: 't2' }),
      code: 'ticket_merge_already_merged',
      fieldErrors: [{ field: 'intoId', name: 'intoId', label: 'Slå sammen med', message: 'x' }],
    };
    const candidates = open.map((id) => ticket({ id, reference: `HV-2026-000${id.slice(1)}` }));
    const { merge } = staffTicketViewModel({ ...staffData(), candidates }, refused);
    expect(merge.failure?.fieldErrors.map((f) => f.href)).toEqual([href]);
    expect(merge.failure?.invalid).toEqual({ intoId: true });
  });

  it('suggests knowledge-base articles with the public link to put in an answer', () => {
    expect(staffTicketViewModel(staffData()).suggestions).toEqual([
      {
        id: 'k1',
        title: 'Delegering i Altinn',
        answer: 'Sjekk delegeringen.',
        href: 'https://desk.example.test/portal/hjelp/altinn-delegering',
        insert: 'Delegering i Altinn: https://desk.example.test/portal/hjelp/altinn-delegering',
      },
    ]);
  });

  it.each<[string, Partial<TicketView>, string[], string | null]>([
    ['a verified ticket', {}, [], null],
    ['an unknown sender', { unverified: true, consumerId: null }, [], null],
    [
      'an address several consumers share',
      { unverified: true, consumerId: null },
      ['Bergen kommune', 'Oslo kommune'],
      'Avsenderen er registrert som kontaktperson hos Bergen kommune, Oslo kommune.',
    ],
  ])('for %s, tags it and offers the consumers', (_case, over, senderConsumers, hint) => {
    const model = staffTicketViewModel({ ...staffData(over), senderConsumers });
    expect(model.ticket.unverifiedLabel).toBe(over.unverified ? 'Ikke bekreftet avsender' : null);
    expect(model.consumer.options.find((o) => o.selected)?.value).toBe(over.consumerId === null ? '' : 'c1');
    expect(model.consumer.senderConsumers).toBe(hint);
  });

  it('keeps the words of a failed reply', () => {
    const model = staffTicketViewModel(staffData(), failure('messages', { body: 'Utkast' }));
    expect(model.reply.body).toBe('Utkast');
    expect(model.reply.failure?.form).toBe('messages');
  });

  it.each<[string, FormFailure | undefined, string, string]>([
    ['a fresh form', undefined, '', ''],
    [
      'a reply refused with a status chosen',
      failure('messages', { body: '', replyStatus: 'waiting_on_consumer' }),
      'waiting_on_consumer',
      '',
    ],
    [
      'a reply refused with a canned response chosen',
      failure('messages', { cannedResponseId: canned.id, replyStatus: 'resolved' }),
      'resolved',
      canned.id,
    ],
    ['another form refused', failure('update', { status: 'resolved' }), '', ''],
  ])('chooses in the reply form, after %s, the status and canned response chosen', (_case, refused, status, cannedId) => {
    const model = staffTicketViewModel(staffData(), refused);
    expect(model.reply.statusOptions.filter((o) => o.selected).map((o) => o.value)).toEqual([status]);
    expect(model.reply.cannedOptions.filter((o) => o.selected).map((o) => o.value)).toEqual([cannedId]);
  });

  it.each<[string, TicketTimelineEvent, string]>([
    ['opening', event('opened', { channel: 'email', status: 'new' }), 'Henvendelsen kom inn (E-post)'],
    [
      'a note',
      event('message_added', { message: 'm', visibility: 'internal', author: 'staff', channel: 'staff', emailed: 0 }),
      'Intern merknad skrevet',
    ],
    [
      'an answer',
      event('message_added', { message: 'm', visibility: 'public', author: 'staff', channel: 'staff', emailed: 2 }),
      'Svar sendt på e-post til 2 mottakere',
    ],
    [
      'the consumer writing',
      event('message_added', { message: 'm', visibility: 'public', author: 'requester', channel: 'portal', emailed: 0 }),
      'Fra kommunen (Portalen)',
    ],
    [
      'a status change',
      event('status_changed', { from: 'open', to: 'waiting_on_skatteetaten' }),
      'Status endret: Åpen → Venter på Skatteetaten',
    ],
    ['unassigning', event('assigned', { from: 'Agent', to: null }), 'Tildelt: Ingen'],
    ['a link', event('linked', { kind: 'incident', reference: 'KS-2026-0001' }), 'Koblet til: Hendelse KS-2026-0001'],
    ['a merge', event('merged_into', { into: 'HV-2026-0002', intoId: 't2' }), 'Slått sammen med en annen henvendelse: HV-2026-0002'],
    [
      'an SLA warning',
      event('sla_warned', { target: 'firstResponse', dueAt: '2026-04-07T09:00:00.000Z', emailed: 1 }),
      'Varsel om frist sendt: Første svar innen 07.04.2026, 11:00 (1 mottaker)',
    ],
    [
      'an SLA breach',
      event('sla_breached', { target: 'resolution', dueAt: '2026-04-08T13:00:00.000Z' }),
      'Frist overskredet: Løsning (frist 08.04.2026, 15:00)',
    ],
  ])('tells %s in Norwegian', (_case, e, text) => {
    expect(timelineText(e)).toBe(text);
  });

  const incidentLink = { kind: 'incident' as const, reference: 'KS-2026-0007', targetId: 'i7' };
  const caseEntry = (what: CaseActivityEntry['what'], restricted = false) =>
    ({
      source: 'incident',
      at,
      link: incidentLink,
      entry: { id: '5', subjectId: 'i7', incidentId: 'i7', at, actorLabel: restricted ? null : 'agent@ks.no', restricted, what },
    }) as TicketActivity;

  it.each<[string, TicketActivity, { text: string; label: string; href: string | null; actor: string | null }]>([
    [
      'an incident escalated',
      caseEntry({ of: 'incident', kind: 'escalated', details: { to: ['ske@example.test'], security: false, messageId: 'm' } }),
      { text: 'Hendelsen ble eskalert til Skatteetaten', label: 'Hendelse KS-2026-0007', href: '/incidents/i7', actor: 'agent@ks.no' },
    ],
    [
      'a restricted security case, without its link or who',
      caseEntry(null, true),
      {
        text: 'Noe skjedde i en sikkerhetssak du ikke har tilgang til å lese.',
        label: 'Hendelse KS-2026-0007',
        href: null,
        actor: null,
      },
    ],
    [
      'a report grouped, read on its incident',
      {
        source: 'report',
        at,
        link: { kind: 'report', reference: 'M-2026-00042', targetId: 'r42' },
        entry: {
          id: '9',
          subjectId: 'r42',
          incidentId: 'i7',
          at,
          actorLabel: 'system',
          restricted: false,
          what: { of: 'report', kind: 'grouped', details: { action: 'attach', incident: 'KS-2026-0007', score: 0.8 } },
        },
      },
      { text: 'Meldingen ble lagt til hendelse KS-2026-0007', label: 'Melding M-2026-00042', href: '/incidents/i7', actor: 'system' },
    ],
    [
      'an onboarding step',
      {
        source: 'onboarding',
        at,
        link: { kind: 'onboarding', reference: '974760673', targetId: 'c1' },
        entry: {
          id: 's:step:0',
          consumerId: 'c1',
          serviceCode: 'inntekt',
          at,
          actorLabel: 'agent@ks.no',
          kind: 'step',
          details: { step: 'readiness-tested', note: null },
        },
      },
      { text: 'inntekt: påkoblingen gikk til «Klartestet»', label: 'Påkobling 974760673', href: '/consumers/c1', actor: 'agent@ks.no' },
    ],
    [
      "a change request's status",
      {
        source: 'change_request',
        at,
        link: { kind: 'change_request', reference: 'EN-2026-0003', targetId: 'cr3' },
        entry: {
          id: '7',
          changeRequestId: 'cr3',
          at,
          actorLabel: 'agent@ks.no',
          kind: 'assessed',
          details: { from: 'new', to: 'declined' },
        },
      },
      { text: 'Status endret: Ny → Avslått', label: 'Endringsønske EN-2026-0003', href: '/change-requests/cr3', actor: 'agent@ks.no' },
    ],
    [
      "Skatteetaten's e-mail answer to a change request",
      {
        source: 'change_request',
        at,
        link: { kind: 'change_request', reference: 'EN-2026-0003', targetId: 'cr3' },
        entry: {
          id: '8',
          changeRequestId: 'cr3',
          at,
          actorLabel: 'saksbehandler@ske.example.test',
          kind: 'reply_received',
          details: { from: 'saksbehandler@ske.example.test', inboundMessageId: 'm1' },
        },
      },
      {
        text: 'Skatteetaten svarte på e-post',
        label: 'Endringsønske EN-2026-0003',
        href: '/change-requests/cr3',
        actor: 'saksbehandler@ske.example.test',
      },
    ],
  ])('tells %s in Norwegian, with its source and link', (_case, a, expected) => {
    const row = activityRow(a);
    expect(row).toMatchObject({ text: expected.text, actor: expected.actor, linked: { label: expected.label, href: expected.href } });
  });

  it("shows the ticket's own event without a source", () => {
    expect(activityRow({ source: 'ticket', at, event: event('opened', { channel: 'portal', status: 'new' }) })).toEqual({
      at,
      actor: 'agent@ks.no',
      text: 'Henvendelsen kom inn (Portalen)',
      linked: null,
    });
  });

  it('counts the saved views and marks the one shown', () => {
    const model = ticketListViewModel(
      {
        tickets: { items: [ticket()], total: 1 },
        counts: {
          byStatus: [{ status: 'new', count: 4 }],
          mine: 2,
          unassigned: 3,
          myGroups: 6,
          unassignedInMyGroups: 1,
          byGroup: [
            { groupId: 'g1', count: 6 },
            { groupId: null, count: 2 },
            { groupId: 'g-archived', count: 1 },
          ],
          dueToday: 5,
          byService: [{ serviceCode: 'inntekt', count: 1 }],
        },
        services: [{ value: 'inntekt', label: 'Inntekt' }],
        staff: [],
        groups: [{ value: 'g1', label: 'Tilgang' }],
        canned: [canned],
        now: at,
      },
      { assignee: 'me' },
      parseListQuery({}, TICKET_LIST),
    );
    expect(model.views.map((v) => [v.label, v.tally, v.current])).toEqual([
      ['Mine', 2, true],
      ['Ikke tildelt', 3, false],
      ['Mine grupper', 6, false],
      ['Ufordelt i mine grupper', 1, false],
      ['Brytes i dag', 5, false],
      ['Ny', 4, false],
      ['Åpen', 0, false],
      ['Venter på kommunen', 0, false],
      ['Venter på Skatteetaten', 0, false],
    ]);
    expect(model.serviceViews).toEqual([expect.objectContaining({ label: 'Inntekt', tally: 1, href: '/tickets?service=inntekt' })]);
    expect(model.groupViews.map((v) => [v.label, v.tally, v.href])).toEqual([
      ['Tilgang', 6, '/tickets?group=g1'],
      ['Uten gruppe', 2, '/tickets?group=none'],
    ]);
    expect(model.pagination.summary).toContain('1 henvendelse');
    expect(model.bulk.statusOptions.map((o) => o.value)).not.toContain('new');
  });

  it.each<[TicketLinkKind, string | null]>([
    ['incident', '/incidents/x1'],
    ['change_request', '/change-requests/x1'],
    ['ticket', '/tickets/x1'],
    ['onboarding', '/consumers/x1'],
    ['report', null],
  ])('links a %s to %s', (kind, href) => {
    expect(linkHref(kind, 'x1')).toBe(href);
  });

  it('keeps what the consumer entered in a failed question', () => {
    const model = askFormViewModel(
      [{ value: 'inntekt', label: 'Inntekt' }],
      { category: 'legal', service: 'inntekt', subject: 'Hjemmel' },
      failure('tickets'),
    );
    expect(model.categoryOptions.find((o) => o.selected)?.value).toBe('legal');
    expect(model.serviceOptions.find((o) => o.selected)?.value).toBe('inntekt');
    expect(model.errors).toEqual({ body: 'Skriv meldingen.' });
  });

  it('shows a failure beside the canned response it concerns', () => {
    const model = cannedViewModel([canned], failure('k1', { title: 'x' }, { id: 'k1' }));
    expect(model.responses[0].failure?.params.id).toBe('k1');
    expect(model.failure).toBeUndefined();
    expect(model.responses[0].statusLabel).toBe('Løst');
  });
});

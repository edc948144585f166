import type { ChangeRequestEvent, ChangeRequestView } from '@domain/change-requests';

import type { FormFailure } from '../shared/page-form';
import {
  boardViewModel,
  portalRequestViewModel,
  requestRow,
  staffRequestViewModel,
  submitFormViewModel,
} from './change-request.view-model';

const view = (over: Partial<ChangeRequestView> = {}): ChangeRequestView => ({
  id: 'r1',
  reference: 'EN-2026-0001',
  serviceCode: 'inntekt',
  serviceName: 'Inntekt',
  serviceArea: null,
  title: 'Inntekt per måned',
  description: 'Gi oss inntekt per måned.',
  urgency: 'high',
  status: 'new',
  priority: null,
  isPublic: false,
  submittedByMe: false,
  supportedByMe: false,
  supporterCount: 1,
  supporters: [],
  mergedInto: null,
  merged: [],
  forwardedAt: null,
  forwardedTo: [],
  forwardedBy: null,
  forwardMessageId: null,
  answer: null,
  answeredAt: null,
  createdAt: new Date('2026-03-01T10:00:00Z'),
  ...over,
});

const failure = (form: string, body: Record<string, string> = {}): FormFailure => ({
  form,
  params: { id: 'r1' },
  body,
  code: 'validation_failed',
  error: 'Sjekk feltene.',
  fieldErrors: [{ field: 'useCase', name: 'useCase', label: 'Hva trenger dere det til?', message: 'Skriv bruken.' }],
});

describe('change request view models', () => {
  it.each<[string, Partial<ChangeRequestView>, Record<string, unknown>]>([
    ['a new request in Norwegian', {}, { statusLabel: 'Ny', urgencyLabel: 'Høy', priorityLabel: '—', serviceArea: 'Uten tjenesteområde' }],
    ['counted supporters', { supporterCount: 3 }, { supporters: '3 kommuner står bak' }],
    ['one supporter', { supporterCount: 1 }, { supporters: '1 kommune står bak' }],
    ['its own request, not also "supported"', { submittedByMe: true, supportedByMe: true }, { submittedByMe: true, supportedByMe: false }],
    [
      'a forwarded one with priority',
      { status: 'forwarded', priority: 'medium' },
      { statusLabel: 'Sendt til Skatteetaten', priorityLabel: 'Middels' },
    ],
  ])('shows %s', (_case, over, expected) => {
    expect(requestRow(view(over))).toMatchObject(expected);
  });

  it('numbers the board in the order given and marks the chosen filters', () => {
    const model = boardViewModel([view({ id: 'a' }), view({ id: 'b' })], [{ code: 'inntekt', name: 'Inntekt' }], ['Boligsosialt arbeid'], {
      status: 'forwarded',
    });
    expect(model.requests.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(model.filtered).toBe(true);
    expect(model.statusOptions.find((o) => o.selected)?.value).toBe('forwarded');
    expect(model.areaOptions.map((o) => o.label)).toEqual(['Alle', 'Boligsosialt arbeid']);
  });

  it.each<[string, Partial<ChangeRequestView>, boolean, boolean]>([
    ['a new request', { status: 'new' }, true, false],
    ['an assessed one', { status: 'assessing' }, true, false],
    ['a forwarded one', { status: 'forwarded', forwardedAt: new Date() }, false, true],
    ['an answered one', { status: 'answered', forwardedAt: new Date() }, false, true],
    ['a declined one', { status: 'declined' }, false, false],
  ])('offers forwarding and the answer form for %s: %s, %s', (_case, over, forward, answer) => {
    const model = staffRequestViewModel({ request: view(over), candidates: [], history: [] });
    expect(model.forward.possible).toBe(forward);
    expect(model.answerForm.possible).toBe(answer);
  });

  it('offers only the statuses staff may set, and other requests as merge targets', () => {
    const model = staffRequestViewModel({
      request: view({ status: 'forwarded' }),
      candidates: [view(), view({ id: 'r2', reference: 'EN-2026-0002', supporterCount: 2 })],
      history: [],
    });
    expect(model.assessment.statusOptions.map((o) => o.value)).toEqual(['forwarded', 'declined', 'done']);
    expect(model.merge.options).toEqual([{ value: 'r2', label: 'EN-2026-0002: Inntekt per måned (2 kommuner står bak)' }]);
  });

  it.each<[string, ChangeRequestView[], string | undefined]>([
    ['with another live request to choose', [view(), view({ id: 'r2', reference: 'EN-2026-0002' })], '#merge-into'],
    ['with none left to choose, unlinked', [view()], undefined],
  ])('leads a refused merge to the choice %s', (_label, candidates, href) => {
    const refused: FormFailure = {
      ...failure('merge', { intoId: 'r2' }),
      code: 'merge_already_merged',
      fieldErrors: [{ field: 'intoId', name: 'intoId', label: 'Slå sammen med', message: 'x' }],
    };
    const { merge } = staffRequestViewModel({ request: view(), candidates, history: [] }, refused);
    expect(merge.failure?.fieldErrors.map((f) => f.href)).toEqual([href]);
    expect(merge.failure?.invalid).toEqual({ intoId: true });
  });

  it("lists Skatteetaten's answers by e-mail, newest first, each leading to the message", () => {
    const reply = (id: string, at: string, inboundMessageId: string | null): ChangeRequestEvent => ({
      id,
      changeRequestId: 'r1',
      at: new Date(at),
      actorLabel: 'saksbehandler@ske.example.test',
      kind: 'reply_received',
      details: { from: 'saksbehandler@ske.example.test', inboundMessageId },
    });
    const history: ChangeRequestEvent[] = [
      { id: 'e1', changeRequestId: 'r1', at: new Date('2030-01-01T10:00:00Z'), actorLabel: 'Kari', kind: 'forwarded', details: {} },
      reply('e2', '2030-01-02T10:00:00Z', 'm1'),
      reply('e3', '2030-01-03T10:00:00Z', null),
    ];
    const { replies } = staffRequestViewModel({ request: view({ status: 'forwarded' }), candidates: [], history });
    expect(replies).toEqual([
      { at: new Date('2030-01-03T10:00:00Z'), from: 'saksbehandler@ske.example.test', href: null },
      { at: new Date('2030-01-02T10:00:00Z'), from: 'saksbehandler@ske.example.test', href: '/inbound-mail/m1' },
    ]);
  });

  it('shows a failure beside the form it came from, keeping what was typed', () => {
    const model = staffRequestViewModel(
      { request: view(), candidates: [], history: [] },
      failure('assessment', { status: 'declined', message: 'Fordi' }),
    );
    expect(model.assessment.failure?.error).toBe('Sjekk feltene.');
    expect(model.assessment.statusOptions.find((o) => o.selected)?.value).toBe('declined');
    expect(model.assessment.message).toBe('Fordi');
    expect(model.forward.failure).toBeUndefined();
  });

  it.each<[string, Partial<ChangeRequestView>, boolean]>([
    ["another consumer's request", {}, true],
    ['its own', { submittedByMe: true }, false],
    ['one it supports', { supportedByMe: true }, false],
    ['a merged one', { mergedInto: { id: 'x', reference: 'EN-2026-0009' } }, false],
  ])('lets a consumer support %s: %s', (_case, over, can) => {
    expect(portalRequestViewModel(view(over)).canSupport).toBe(can);
  });

  it('marks text a consumer may not read as hidden', () => {
    expect(portalRequestViewModel(view({ description: null })).request).toMatchObject({ descriptionHidden: true });
  });

  it('keeps the portal form values and names the fields in error', () => {
    const model = submitFormViewModel(
      [{ code: 'inntekt', name: 'Inntekt' }],
      { service: 'inntekt', urgency: 'low' },
      failure('change-requests'),
    );
    expect(model.serviceOptions).toEqual([{ value: 'inntekt', label: 'Inntekt', selected: true }]);
    expect(model.urgencyOptions.find((o) => o.checked)?.value).toBe('low');
    expect(model.errors).toEqual({ useCase: 'Skriv bruken.' });
  });
});

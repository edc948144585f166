import type { InboundMessage } from '@domain/support';

import { parseListQuery } from '../shared/list-query';
import { INBOUND_MAIL_LIST, inboundMailListViewModel, inboundMessageViewModel, routeText, sizeText } from './inbound-mail.view-model';

const message = (over: Partial<InboundMessage> = {}): InboundMessage => ({
  id: 'm1',
  messageId: '<a@b>',
  fromAddress: 'kari@ske.no',
  fromName: 'Kari',
  to: ['segment@ks.no'],
  subject: 'SV: KS-2026-0001',
  text: 'Hei',
  inReplyTo: null,
  references: [],
  sizeBytes: 1200,
  personalDataMasked: false,
  status: 'routed',
  ignoredReason: null,
  routedTo: 'incidents',
  routeHow: 'message-id',
  routeSummary: 'incident:KS-2026-0001',
  attachmentCount: 0,
  receivedAt: new Date('2026-03-01T10:00:00Z'),
  ...over,
});

describe('routeText', () => {
  it.each<[Partial<InboundMessage>, string]>([
    [{}, 'hendelse KS-2026-0001 (svar i tråd)'],
    [{ routeHow: 'subject-reference' }, 'hendelse KS-2026-0001 (referanse i emnefeltet)'],
    [{ status: 'unrouted', routeSummary: null, routeHow: null }, 'Venter på saksbehandler'],
    [{ status: 'ignored', ignoredReason: 'own-address' }, 'vår egen e-post som kom tilbake'],
    [{ status: 'ignored', ignoredReason: null }, 'Automatisk, ikke fordelt'],
  ])('%p → %s', (over, text) => {
    expect(routeText(message(over))).toBe(text);
  });
});

describe('sizeText', () => {
  it.each([
    [512, '512 byte'],
    [2048, '2 kB'],
    [5 * 1024 * 1024 + 100_000, '5,1 MB'],
  ])('%d → %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});

describe('the inbound mail pages', () => {
  it('lists messages with their status, keeps the filter chosen, and counts them', () => {
    const model = inboundMailListViewModel(
      { items: [message(), message({ id: 'm2', status: 'unrouted' })], total: 2 },
      'unrouted',
      parseListQuery({}, INBOUND_MAIL_LIST),
    );
    expect(model.messages.map((m) => [m.statusLabel, m.statusColor])).toEqual([
      ['Fordelt', 'success'],
      ['Ikke fordelt', 'warning'],
    ]);
    expect(model.statusOptions.find((o) => o.selected)?.value).toBe('unrouted');
    expect(model.pagination.summary).toBe('Viser 1–2 av 2 e-poster');
  });

  it('shows one message with its attachments and their sizes', () => {
    const model = inboundMessageViewModel({
      ...message(),
      attachments: [
        {
          id: 'a1',
          inboundMessageId: 'm1',
          filename: 'logg.txt',
          contentType: 'text/plain',
          sizeBytes: 4096,
          content: null,
          stored: false,
        },
      ],
    });
    expect(model.attachments[0]).toMatchObject({ filename: 'logg.txt', sizeText: '4 kB', stored: false });
  });
});

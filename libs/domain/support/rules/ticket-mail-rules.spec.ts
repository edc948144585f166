import { mayWriteOnTicket, senderConsumer, ticketMailText } from './ticket-mail-rules';

describe('mayWriteOnTicket', () => {
  const ticket = { requesterEmail: 'kari@kommune.example.test' };
  it.each<[string, 'thread' | 'subject-reference', string, string[], boolean]>([
    ['a reply in the thread from anyone', 'thread', 'kollega@annen.example.test', [], true],
    ['the reference from the requester', 'subject-reference', 'Kari@Kommune.example.test', [], true],
    ['the reference from a contact of the consumer', 'subject-reference', 'ola@kommune.example.test', ['Ola@kommune.example.test'], true],
    ['the reference from a stranger', 'subject-reference', 'noen@annet.example.test', ['ola@kommune.example.test'], false],
  ])('%s', (_case, how, from, contacts, allowed) => {
    expect(mayWriteOnTicket(how, from, ticket, contacts)).toBe(allowed);
  });

  it('a ticket without a requester takes the reference only from its consumer’s contacts', () => {
    expect(mayWriteOnTicket('subject-reference', 'a@b.example.test', { requesterEmail: null }, [])).toBe(false);
  });
});

describe('senderConsumer', () => {
  it.each<[string, string[], { consumerId: string | null; unverified: boolean }]>([
    ['a contact of one consumer', ['c1'], { consumerId: 'c1', unverified: false }],
    ['listed twice at the same consumer', ['c1', 'c1'], { consumerId: 'c1', unverified: false }],
    ['a contact of several consumers', ['c1', 'c2'], { consumerId: null, unverified: true }],
    ['nobody the registry knows', [], { consumerId: null, unverified: true }],
  ])('%s', (_case, ids, result) => {
    expect(senderConsumer(ids)).toEqual(result);
  });
});

describe('ticketMailText', () => {
  const limits = { subject: 200, body: 20_000 };
  const texts = { noSubject: '(uten emne)', noText: '(ingen tekst)', clipped: '[klippet]' };
  it.each<[string, string, string, { subject: string; body: string }]>([
    ['as written', 'Tilgang', 'Hei', { subject: 'Tilgang', body: 'Hei' }],
    ['folded subject lines', ' SV:  Tilgang\r\n til API ', ' Hei ', { subject: 'SV: Tilgang til API', body: 'Hei' }],
    ['nothing written', '', '  ', { subject: '(uten emne)', body: '(ingen tekst)' }],
  ])('%s', (_case, subject, text, result) => {
    expect(ticketMailText(subject, text, texts, limits)).toEqual(result);
  });

  it('clips a long subject and a long text to what a ticket takes, saying so', () => {
    const { subject, body } = ticketMailText('e'.repeat(500), 'x'.repeat(limits.body + 10), texts, limits);
    expect(subject).toHaveLength(limits.subject);
    expect(body.length).toBeLessThanOrEqual(limits.body);
    expect(body.endsWith('\n\n[klippet]')).toBe(true);
  });
});

import {
  canSetStatus,
  mergeRefusal,
  normaliseTags,
  statusAfterConsumerMessage,
  statusAfterStaffReply,
  type TicketChannel,
  ticketRecipients,
  type TicketStatus,
} from './ticket-rules';

const contacts = [{ email: 'Tech@Kommune.test' }, { email: 'fag@kommune.test' }];

describe('ticket rules', () => {
  it.each<[TicketStatus, TicketStatus, boolean]>([
    ['new', 'open', true],
    ['new', 'resolved', true],
    ['open', 'waiting_on_consumer', true],
    ['closed', 'open', true],
    ['open', 'new', false],
    ['resolved', 'new', false],
    ['new', 'new', true],
  ])('staff set %s → %s: %s', (from, to, allowed) => {
    expect(canSetStatus(from, to)).toBe(allowed);
  });

  it.each<[TicketStatus, TicketStatus]>([
    ['new', 'new'],
    ['open', 'open'],
    ['waiting_on_consumer', 'open'],
    ['waiting_on_skatteetaten', 'open'],
    ['resolved', 'open'],
  ])('a consumer writing on a %s ticket leaves it %s', (from, to) => {
    expect(statusAfterConsumerMessage(from)).toBe(to);
  });

  it.each<[TicketStatus, TicketStatus]>([
    ['new', 'open'],
    ['waiting_on_consumer', 'waiting_on_consumer'],
    ['resolved', 'resolved'],
  ])('KS answering a %s ticket leaves it %s', (from, to) => {
    expect(statusAfterStaffReply(from)).toBe(to);
  });

  it.each<[string, TicketChannel, string | null, string[]]>([
    ['no requester: every contact, once each', 'api', null, ['tech@kommune.test', 'fag@kommune.test']],
    ['a registered requester alone', 'portal', 'TECH@kommune.test', ['tech@kommune.test']],
    ['a stranger named by a consumer key: the contacts instead', 'api', 'someone@else.test', ['tech@kommune.test', 'fag@kommune.test']],
    ['a stranger named in the portal: the contacts instead', 'portal', 'someone@else.test', ['tech@kommune.test', 'fag@kommune.test']],
    ['the caller staff took down', 'staff', 'caller@else.test', ['caller@else.test']],
    ['the sender of an e-mail', 'email', 'sender@else.test', ['sender@else.test']],
  ])('recipients: %s', (_case, channel, requesterEmail, expected) => {
    expect(ticketRecipients({ channel, requesterEmail }, contacts)).toEqual(expected);
  });

  it('has no recipient for a ticket without a consumer or requester', () => {
    expect(ticketRecipients({ channel: 'staff', requesterEmail: null }, [])).toEqual([]);
  });

  it.each<[string[], string[]]>([
    [
      ['Maskinporten', ' maskinporten ', 'Ny kunde'],
      ['maskinporten', 'ny-kunde'],
    ],
    [['', '  '], []],
  ])('tags %j become %j', (given, expected) => {
    expect(normaliseTags(given)).toEqual(expected);
  });

  it.each<
    [
      string,
      { consumerId: string | null; mergedIntoId: string | null },
      { consumerId: string | null; mergedIntoId: string | null },
      string | null,
    ]
  >([
    ['two live tickets of one consumer', { consumerId: 'c1', mergedIntoId: null }, { consumerId: 'c1', mergedIntoId: null }, null],
    ['a ticket without consumer into one with', { consumerId: null, mergedIntoId: null }, { consumerId: 'c1', mergedIntoId: null }, null],
    ['tickets of two consumers', { consumerId: 'c1', mergedIntoId: null }, { consumerId: 'c2', mergedIntoId: null }, 'other_consumer'],
    ['a merged source', { consumerId: 'c1', mergedIntoId: 'x' }, { consumerId: 'c1', mergedIntoId: null }, 'already_merged'],
    ['a merged target', { consumerId: 'c1', mergedIntoId: null }, { consumerId: 'c1', mergedIntoId: 'x' }, 'already_merged'],
  ])('merge: %s → %s', (_case, source, target, refusal) => {
    expect(mergeRefusal({ id: 'a', ...source }, { id: 'b', ...target })).toBe(refusal);
  });

  it('never merges a ticket into itself', () => {
    expect(mergeRefusal({ id: 'a', consumerId: null, mergedIntoId: null }, { id: 'a', consumerId: null, mergedIntoId: null })).toBe(
      'same_ticket',
    );
  });
});

import { inboundMailRoutes, normaliseMessageId, type Route, type RouteInput, threadMessageIds } from './route-inbound-mail';

const OWNERS = [
  { name: 'incidents', relatedTypes: ['incident', 'report'], referencePrefixes: ['KS', 'M'] },
  { name: 'tickets', relatedTypes: ['ticket'], referencePrefixes: ['HV'] },
];
const SENT = [
  { messageId: '<root@desk>', template: 'escalation', relatedType: 'incident', relatedId: 'i1' },
  { messageId: '<follow@desk>', template: 'escalation-follow-up', relatedType: 'incident', relatedId: 'i1' },
  { messageId: '<ticket@desk>', template: 'ticket-reply', relatedType: 'ticket', relatedId: 't1' },
  { messageId: '<notice@desk>', template: 'notice', relatedType: 'notice', relatedId: 'n1' },
  { messageId: '<reset@desk>', template: 'password-set', relatedType: null, relatedId: null },
];
const input = (over: Partial<RouteInput>): RouteInput => ({
  inReplyTo: null,
  references: [],
  subject: '',
  sent: SENT,
  owners: OWNERS,
  ...over,
});
const byId = (messageId: string, relatedId: string, template: string, relatedType = 'incident'): Route => ({
  owner: relatedType === 'ticket' ? 'tickets' : 'incidents',
  target: { how: 'message-id', messageId, relatedType, relatedId, template },
});
const byReference = (owner: string, reference: string): Route => ({ owner, target: { how: 'subject-reference', reference } });

describe('the most likely route of inbound mail', () => {
  it.each<[string, Partial<RouteInput>, Route | null]>([
    ['In-Reply-To names the escalation', { inReplyTo: '<root@desk>' }, byId('<root@desk>', 'i1', 'escalation')],
    ['In-Reply-To without brackets', { inReplyTo: 'root@desk' }, byId('<root@desk>', 'i1', 'escalation')],
    [
      'References only, newest first',
      { references: ['<root@desk>', '<follow@desk>'] },
      byId('<follow@desk>', 'i1', 'escalation-follow-up'),
    ],
    [
      'In-Reply-To before References',
      { inReplyTo: '<ticket@desk>', references: ['<root@desk>'] },
      byId('<ticket@desk>', 't1', 'ticket-reply', 'ticket'),
    ],
    [
      'an unknown In-Reply-To falls back to References',
      { inReplyTo: '<theirs@ske>', references: ['<root@desk>'] },
      byId('<root@desk>', 'i1', 'escalation'),
    ],
    [
      'a message nobody owns (notice) falls back to the subject',
      { inReplyTo: '<notice@desk>', subject: 'SV: KS-2026-0042' },
      byReference('incidents', 'KS-2026-0042'),
    ],
    ['a message about nothing (password) is skipped', { inReplyTo: '<reset@desk>' }, null],
    ['subject reference of an incident', { subject: 'SV: [KS-2026-0042] Tjenesten svarer 503' }, byReference('incidents', 'KS-2026-0042')],
    ['subject reference of a report', { subject: 'Re: Kvittering M-2026-00042' }, byReference('incidents', 'M-2026-00042')],
    ['subject reference of another owner', { subject: 'Re: HV-2026-0003 spørsmål' }, byReference('tickets', 'HV-2026-0003')],
    ['an unowned prefix, then an owned one', { subject: 'EN-2026-0001 og KS-2026-0007' }, byReference('incidents', 'KS-2026-0007')],
    ['a reference glued to other text is not one', { subject: 'XKS-2026-0042 and KS-2026-00420000' }, null],
    ['no thread and no reference', { subject: 'Spørsmål om tilgang' }, null],
  ])('%s', (_case, over, route) => {
    expect(inboundMailRoutes(input(over))[0] ?? null).toEqual(route);
  });
});

describe('inboundMailRoutes', () => {
  it('lists every thread, then every owned reference in the subject, so a declined one leaves the next to try', () => {
    const owners = [...OWNERS, { name: 'change-requests', relatedTypes: ['change_request'], referencePrefixes: ['EN'] }];
    expect(
      inboundMailRoutes(
        input({ owners, inReplyTo: '<theirs@x>', references: ['<root@desk>'], subject: 'Svar: Spørsmål om EN-2026-0001 [HV-2026-0003]' }),
      ),
    ).toEqual([
      byId('<root@desk>', 'i1', 'escalation'),
      byReference('change-requests', 'EN-2026-0001'),
      byReference('tickets', 'HV-2026-0003'),
    ]);
  });
});

describe('threadMessageIds', () => {
  it('lists In-Reply-To first, then References newest first, once each, dropping blanks', () => {
    expect(threadMessageIds('<c@x>', ['<a@x>', 'b@x', '<c@x>', ' '])).toEqual(['<c@x>', '<b@x>', '<a@x>']);
  });

  it.each([
    ['<a@b>', '<a@b>'],
    [' a@b ', '<a@b>'],
    ['<>', null],
    ['a b@c', null],
    ['a\u0000b@c', null],
    ['a\u0007b@c', null],
    [`<${'a'.repeat(992)}@b.no>`, null],
    [`<${'a'.repeat(991)}@b.no>`, `<${'a'.repeat(991)}@b.no>`],
  ])('normalises %j to %j', (id, normalised) => {
    expect(normaliseMessageId(id)).toBe(normalised);
  });
});

import { type AutomaticMailReason, automaticMailReason, bareAddress, type MailScreenInput } from './automatic-mail';

const OWN = ['segment@ks.example.test'];
const person = (over: Partial<MailScreenInput> = {}): MailScreenInput => ({
  headers: {},
  from: 'Kari Nordmann <kari@skatteetaten.example.test>',
  envelopeFrom: 'kari@skatteetaten.example.test',
  ownAddresses: OWN,
  ...over,
});

describe('automaticMailReason', () => {
  it.each<[string, Partial<MailScreenInput>, AutomaticMailReason | null]>([
    ['a person writing', {}, null],
    ['Auto-Submitted: no (a person, said explicitly)', { headers: { 'auto-submitted': 'no' } }, null],
    ['Auto-Submitted: auto-replied', { headers: { 'auto-submitted': 'auto-replied' } }, 'auto-submitted'],
    [
      'Auto-Submitted: auto-generated with a comment',
      { headers: { 'auto-submitted': 'auto-generated; owner-email="x@y"' } },
      'auto-submitted',
    ],
    ['Auto-Submitted in upper case', { headers: { 'auto-submitted': 'Auto-Replied' } }, 'auto-submitted'],
    ['Precedence: bulk', { headers: { precedence: 'bulk' } }, 'precedence'],
    ['Precedence: junk', { headers: { precedence: 'junk' } }, 'precedence'],
    ['Precedence: list', { headers: { precedence: 'List' } }, 'precedence'],
    ['Precedence: auto_reply', { headers: { precedence: 'auto_reply' } }, 'precedence'],
    ['Precedence: first-class (not automatic)', { headers: { precedence: 'first-class' } }, null],
    ['X-Autoreply', { headers: { 'x-autoreply': 'yes' } }, 'autoreply-header'],
    ['X-Autorespond', { headers: { 'x-autorespond': 'Out of office' } }, 'autoreply-header'],
    ['X-Auto-Response-Suppress (Exchange out-of-office)', { headers: { 'x-auto-response-suppress': 'All' } }, 'auto-response-suppress'],
    ['null envelope sender (a bounce)', { envelopeFrom: '' }, 'null-sender'],
    ['Return-Path <>', { headers: { 'return-path': '<>' } }, 'null-sender'],
    ['Return-Path with an address', { headers: { 'return-path': '<kari@skatteetaten.example.test>' } }, null],
    ['envelope sender unknown', { envelopeFrom: null }, null],
    ['our own From coming back', { from: 'Segment desk <Segment@KS.example.test>' }, 'own-address'],
    ['our own bare From', { from: 'segment@ks.example.test' }, 'own-address'],
    ['a mailing list', { headers: { 'list-id': '<drift.lists.example.test>' } }, 'mailing-list'],
  ])('%s', (_case, over, reason) => {
    expect(automaticMailReason(person(over))).toBe(reason);
  });
});

describe('bareAddress', () => {
  it.each([
    ['Kari <Kari@Example.TEST>', 'kari@example.test'],
    ['kari@example.test', 'kari@example.test'],
    ['  <a@b.no> ', 'a@b.no'],
  ])('%s → %s', (input, output) => {
    expect(bareAddress(input)).toBe(output);
  });
});

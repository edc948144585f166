import type { ConsumerContactEntry } from '@domain/consumers';

import type { ReportChannel } from './report.entity';
import { reportRecipients } from './report-recipients';

const contacts: ConsumerContactEntry[] = [
  { consumerId: 'c', name: 'Teknisk', email: 'tech@kommune.test', role: 'technical' },
  { consumerId: 'c', name: 'Faglig', email: 'Fag@Kommune.test', role: 'professional' },
];

describe('who is written to about a report', () => {
  it.each<[string, ReportChannel, string | null, string[]]>([
    ['no reporter address: the technical contacts', 'api', null, ['tech@kommune.test']],
    ['a blank reporter address: the technical contacts', 'form', '  ', ['tech@kommune.test']],
    ['a registered contact, in any case: that contact as registered', 'api', 'fag@kommune.TEST', ['Fag@Kommune.test']],
    ['an address the consumer chose freely: the technical contacts, not the stranger', 'api', 'noen@annet.test', ['tech@kommune.test']],
    ['the same from the portal form', 'form', 'noen@annet.test', ['tech@kommune.test']],
    ['an address staff took down from a call: that address', 'phone', 'innringer@kommune.test', ['innringer@kommune.test']],
    ['an address staff took down from an e-mail: that address', 'email', 'avsender@kommune.test', ['avsender@kommune.test']],
  ])('%s', (_, channel, reporterEmail, expected) => {
    expect(reportRecipients({ channel, reporterEmail }, contacts)).toEqual(expected);
  });
});

import type { ConsumerContactEntry } from '@domain/consumers';

import { isConsumerChannel, type Report } from './report.entity';

/**
 * Who is written to about a report: its reporter address, else the consumer's technical contacts.
 * A reporter address a consumer sent (API, portal) counts only when it is one of its registered
 * contacts, so a consumer key cannot make KS mail a stranger the caller's text; another address
 * is kept on the report, and the technical contacts are written to instead, so the municipality
 * still hears. Staff registering a call or an e-mail write to the address they took down.
 */
export function reportRecipients(report: Pick<Report, 'channel' | 'reporterEmail'>, contacts: ConsumerContactEntry[]): string[] {
  const technical = contacts.filter((c) => c.role === 'technical').map((c) => c.email);
  const reporter = report.reporterEmail?.trim();
  if (!reporter) return technical;
  const registered = contacts.find((c) => c.email.toLowerCase() === reporter.toLowerCase());
  if (registered) return [registered.email];
  return isConsumerChannel(report.channel) ? technical : [reporter];
}

import type { Escalation } from '../escalation.entity';
import { judgedSecurityMatter, type RestrictionFacts } from './incident-visibility';

/**
 * Rank of an incident's escalation when choosing which of two merged incidents survives: a thread
 * to Skatteetaten's security channel wins, so a security matter goes on there and never in an
 * ordinary thread; then a thread Skatteetaten has seen, then one about to be sent. A first
 * message still waiting goes to the security channel when staff have judged its incident a
 * security matter meanwhile (its channel is decided when it is sent). Equal ranks leave the
 * choice to age.
 */
export function escalationRank(e: Pick<Escalation, 'status' | 'security'> | null, incident: RestrictionFacts): number {
  if (!e) return 0;
  const seen = e.status === 'sent' ? 2 : 1;
  const security = e.security || (e.status === 'pending' && judgedSecurityMatter(incident));
  return security ? 2 + seen : seen;
}

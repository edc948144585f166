import type { Escalation } from '../escalation.entity';

/**
 * Rank of an incident's escalation when choosing which of two merged incidents survives: a thread
 * to Skatteetaten's security channel wins, so a security matter goes on there and never in an
 * ordinary thread; then a thread Skatteetaten has seen, then one about to be sent. Equal ranks
 * leave the choice to age.
 */
export function escalationRank(e: Pick<Escalation, 'status' | 'security'> | null): number {
  if (!e) return 0;
  const seen = e.status === 'sent' ? 2 : 1;
  return e.security ? 2 + seen : seen;
}

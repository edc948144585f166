/**
 * "Kjent feil": which open incident, if any, a municipality writing a report should be told
 * about. Pure: the caller reads the open incidents of the report's service and environment and,
 * when it has them, the grouping's own decision for the report.
 */
import type { MatchDecision } from './match-report';

/**
 * More than one municipality is what makes a problem KS's to know of rather than one
 * municipality's own: a single reporter's open incident may well be local.
 */
export const KNOWN_INCIDENT_MIN_CONSUMERS = 2;

export interface KnownIncidentCandidate {
  id: string;
  track: 'ordinary' | 'security';
  side: 'undetermined' | 'local' | 'ske' | 'security';
  escalated: boolean;
  /** distinct municipalities that reported it */
  consumerCount: number;
  lastSeenAt: Date;
}

/** Security cases and answered local problems are nobody else's business; KS knows of the rest once escalated or widely reported. */
export function isKnownIncident(c: KnownIncidentCandidate): boolean {
  if (c.track !== 'ordinary' || c.side === 'local' || c.side === 'security') return false;
  return c.escalated || c.consumerCount >= KNOWN_INCIDENT_MIN_CONSUMERS;
}

/**
 * The known incident to show: the one grouping would attach the report to (its runner-up when
 * the winner is not a known one), else the widest known problem: escalated first, then most
 * municipalities, then the most recently active.
 */
export function pickKnownIncident(candidates: readonly KnownIncidentCandidate[], decision: MatchDecision | null): string | null {
  const known = candidates.filter(isKnownIncident);
  if (!known.length) return null;
  const ids = new Set(known.map((c) => c.id));
  if (decision?.action === 'attach' && decision.incidentId && ids.has(decision.incidentId)) return decision.incidentId;
  if (decision?.action === 'attach' && decision.runnerUp && ids.has(decision.runnerUp.incidentId)) return decision.runnerUp.incidentId;
  const [widest] = [...known].sort(
    (a, b) =>
      Number(b.escalated) - Number(a.escalated) ||
      b.consumerCount - a.consumerCount ||
      b.lastSeenAt.getTime() - a.lastSeenAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return widest.id;
}

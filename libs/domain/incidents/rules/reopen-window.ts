import type { IncidentSide, IncidentStatus } from '../incident.entity';

/** Whether a resolution at `resolvedAt` may still be reopened at `now`, `days` being the window. */
export function withinReopenWindow(resolvedAt: Date | null, now: Date, days: number): boolean {
  return !!resolvedAt && resolvedAt.getTime() <= now.getTime() && now.getTime() - resolvedAt.getTime() <= days * 24 * 3_600_000;
}

/**
 * The status a resolved incident opens again with: escalated when its thread to Skatteetaten was
 * sent (the thread goes on), else triaged once staff judged its side, else new.
 */
export function reopenedStatus(threadSent: boolean, side: IncidentSide): IncidentStatus {
  return threadSent ? 'escalated' : side === 'undetermined' ? 'new' : 'triaged';
}

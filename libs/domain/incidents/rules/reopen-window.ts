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

/** The events of an incident's timeline that tell whether Skatteetaten has heard of a reopening. */
export type ThreadEvent =
  | { kind: 'reopened'; at: Date }
  | { kind: 'follow_up_sent'; at: Date }
  | { kind: 'message_sent'; at: Date; details: { audience: 'skatteetaten' | 'municipalities' } };

/**
 * When the incident was reopened after KS's closing message in the thread to Skatteetaten, if no
 * message to Skatteetaten has gone since (staff's own or an update): the next update must say
 * so, or it reads as news of a case KS told them was solved. Null when the last reopening came
 * before the thread began (the thread has had no closing message since), or has been told.
 * Events oldest first.
 */
export function untoldReopening(events: readonly ThreadEvent[], threadStartedAt: Date): Date | null {
  const told = events.filter((e) => e.kind !== 'message_sent' || e.details.audience === 'skatteetaten');
  const last = told.at(-1);
  return last?.kind === 'reopened' && last.at.getTime() > threadStartedAt.getTime() ? last.at : null;
}

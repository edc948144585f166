/**
 * The clock of a security or privacy case. A municipality must notify Datatilsynet within 72
 * hours of becoming aware of a personal-data breach (GDPR art. 33); KS helps it meet that, so the
 * clock runs from when the report reached KS, in calendar time: nights, weekends and holidays count.
 */

export const SECURITY_DEADLINE_HOURS = 72;

export const HOUR_MS = 3_600_000;

export type SecurityClockState = 'running' | 'warning' | 'overdue' | 'done';

export interface SecurityClock {
  deadline: Date;
  state: SecurityClockState;
  /** Milliseconds left at `now` (negative when overdue). */
  remainingMs: number;
  /** The warning thresholds (hours left) passed at `now`, largest first. */
  thresholdsPassed: number[];
}

export function securityDeadline(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + SECURITY_DEADLINE_HOURS * HOUR_MS);
}

/**
 * The clock at `now`: `warnHoursBefore` are the thresholds (hours left) at which the security
 * role is warned; a case whose checklist is complete is done and warns no more.
 */
export function securityClock(receivedAt: Date, now: Date, warnHoursBefore: readonly number[], complete: boolean): SecurityClock {
  const deadline = securityDeadline(receivedAt);
  const remainingMs = deadline.getTime() - now.getTime();
  const thresholdsPassed = [...warnHoursBefore].sort((a, b) => b - a).filter((h) => remainingMs <= h * HOUR_MS);
  const state: SecurityClockState = complete ? 'done' : remainingMs <= 0 ? 'overdue' : thresholdsPassed.length ? 'warning' : 'running';
  return { deadline, state, remainingMs, thresholdsPassed };
}

/** The thresholds to warn of now: passed, not yet warned of, and only while the case is not done. */
export function warningsDue(clock: SecurityClock, alreadyWarned: readonly number[]): number[] {
  if (clock.state === 'done') return [];
  return clock.thresholdsPassed.filter((h) => !alreadyWarned.includes(h));
}

/** What KS staff do on a security case, each recorded with who and when. */
export interface SecurityChecklist {
  /** Skatteetaten telephoned: whom, and when the call was made. */
  skeCalled?: { calledName: string; calledAt: string; by: string; at: string };
  /** The municipality confirmed it knows its 72-hour duty to notify Datatilsynet. */
  municipalityInformed?: { by: string; at: string };
  /** What was done to contain it (such as revoking keys). */
  containment?: { text: string; by: string; at: string };
}

export type SecurityChecklistItem = keyof Required<SecurityChecklist>;

/** The items a case needs: the telephone call to Skatteetaten only for a critical incident. */
export function requiredChecklistItems(critical: boolean): SecurityChecklistItem[] {
  return critical ? ['skeCalled', 'municipalityInformed', 'containment'] : ['municipalityInformed', 'containment'];
}

export function checklistComplete(checklist: SecurityChecklist, critical: boolean): boolean {
  return requiredChecklistItems(critical).every((item) => !!checklist[item]);
}

import type { BusinessCalendar } from './business-calendar';

export const SLA_PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type SlaPriority = (typeof SLA_PRIORITIES)[number];

/** Targets in business minutes from the ticket's opening. */
export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** When a clock turns to `warning`: with this share of its target left, or this many business minutes. */
export type SlaWarnBefore = { fractionLeft: number } | { minutesLeft: number };

export interface SlaPolicy {
  targets: Readonly<Record<SlaPriority, SlaTargets>>;
  warnBefore: SlaWarnBefore;
  /** Statuses during which the clocks stand still: waiting on the consumer. */
  pausedStatuses: readonly string[];
  /** Statuses that stop the clocks (resolved, closed); leaving one again restarts the resolution clock. */
  stoppedStatuses: readonly string[];
}

export interface SlaStatusChange {
  status: string;
  at: Date;
}

export interface SlaTicket {
  priority: SlaPriority;
  /** Every status the ticket has had, starting with the one it was opened in at its opening. */
  history: readonly SlaStatusChange[];
  firstResponseAt: Date | null;
}

export type SlaState = 'running' | 'warning' | 'paused' | 'met' | 'breached';

export interface SlaClock {
  state: SlaState;
  targetMillis: number;
  /** Business time counted so far, pauses left out. */
  elapsedMillis: number;
  /** Target less elapsed; negative once breached. */
  remainingMillis: number;
  /** When the target is (or was) used up; null while paused, or once stopped, before reaching it. */
  dueAt: Date | null;
  /** When the clock turns (or turned) to warning; null as dueAt is. */
  warnAt: Date | null;
}

export interface SlaClocks {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

/** A stretch during which a clock counted; `to` null while it still counts. */
interface Counting {
  from: number;
  to: number | null;
}

const MINUTE_MS = 60_000;

/**
 * The first-response and resolution clocks of a ticket as they stand at `now`. Both count the
 * business time since opening, stand still in the paused statuses and stop in the stopped ones;
 * the first-response clock stops for good at the first response. Changes after `now` are not
 * yet known and are left out, so a clock can be replayed at any moment of its history.
 */
export function slaClocks(ticket: SlaTicket, policy: SlaPolicy, calendar: BusinessCalendar, now: Date): SlaClocks {
  const targets = policy.targets[ticket.priority];
  if (!targets) throw new RangeError(`no SLA targets for priority "${ticket.priority}"`);
  if (!ticket.history.length) throw new RangeError('a ticket has at least the status it was opened in');
  const t = now.getTime();
  const history = [...ticket.history].sort((a, b) => a.at.getTime() - b.at.getTime()).filter((c) => c.at.getTime() <= t);
  if (!history.length) throw new RangeError(`the ticket was opened after ${now.toISOString()}`);
  const responded = ticket.firstResponseAt && ticket.firstResponseAt.getTime() <= t ? ticket.firstResponseAt.getTime() : null;
  const clock = (targetMinutes: number, cutOff: number | null) =>
    measure(counting(history, policy, cutOff), phase(history, policy, cutOff), targetMinutes * MINUTE_MS, policy.warnBefore, calendar, t);
  return { firstResponse: clock(targets.firstResponseMinutes, responded), resolution: clock(targets.resolutionMinutes, null) };
}

type Phase = 'counting' | 'paused' | 'stopped';

/** Where a clock stands now: the current status decides, unless it was cut off (answered). */
function phase(history: readonly SlaStatusChange[], policy: SlaPolicy, cutOff: number | null): Phase {
  const current = history[history.length - 1].status;
  if (cutOff !== null || policy.stoppedStatuses.includes(current)) return 'stopped';
  return policy.pausedStatuses.includes(current) ? 'paused' : 'counting';
}

function counting(history: readonly SlaStatusChange[], policy: SlaPolicy, cutOff: number | null): Counting[] {
  const stretches: Counting[] = [];
  history.forEach(({ status, at }, i) => {
    const from = at.getTime();
    if (cutOff !== null && from >= cutOff) return;
    if (policy.pausedStatuses.includes(status) || policy.stoppedStatuses.includes(status)) return;
    const next = history[i + 1]?.at.getTime() ?? null;
    const to = next === null ? cutOff : cutOff === null ? next : Math.min(next, cutOff);
    stretches.push({ from, to });
  });
  return stretches;
}

function measure(
  stretches: readonly Counting[],
  phase: Phase,
  target: number,
  warnBefore: SlaWarnBefore,
  calendar: BusinessCalendar,
  now: number,
): SlaClock {
  const lengths = stretches.map(({ from, to }) => calendar.businessMillisBetween(new Date(from), new Date(to ?? now)));
  const elapsed = lengths.reduce((sum, ms) => sum + ms, 0);
  const warnLeft =
    'fractionLeft' in warnBefore ? Math.round(target * warnBefore.fractionLeft) : Math.min(target, warnBefore.minutesLeft * MINUTE_MS);

  /** The instant the clock reaches `millis`: in a past stretch, or ahead if it still counts. */
  const reaches = (millis: number): Date | null => {
    let before = 0;
    for (const [i, { from, to }] of stretches.entries()) {
      if (to === null || before + lengths[i] >= millis) return calendar.addBusinessMillis(new Date(from), millis - before);
      before += lengths[i];
    }
    return null;
  };

  let state: SlaState;
  if (phase === 'stopped') state = elapsed <= target ? 'met' : 'breached';
  else if (elapsed >= target) state = 'breached';
  else if (phase === 'paused') state = 'paused';
  else state = elapsed >= target - warnLeft ? 'warning' : 'running';

  return {
    state,
    targetMillis: target,
    elapsedMillis: elapsed,
    remainingMillis: target - elapsed,
    dueAt: reaches(target),
    warnAt: reaches(target - warnLeft),
  };
}

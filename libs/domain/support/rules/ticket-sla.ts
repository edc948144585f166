import type { SlaClocks, SlaPolicy, SlaPriority, SlaWarnBefore } from './sla-clock';
import type { TicketPriority, TicketStatus } from './ticket-rules';

/** A ticket's urgency as the SLA targets name it: "urgent" is the configuration's "critical". */
export const SLA_PRIORITY_OF: Readonly<Record<TicketPriority, SlaPriority>> = {
  urgent: 'critical',
  high: 'high',
  normal: 'normal',
  low: 'low',
};

/** Waiting on the consumer is their turn, not KS's: the clocks stand still. */
export const SLA_PAUSED_STATUSES: readonly TicketStatus[] = ['waiting_on_consumer'];
export const SLA_STOPPED_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];

export const SLA_TARGET_NAMES = ['firstResponse', 'resolution'] as const;
export type SlaTargetName = (typeof SLA_TARGET_NAMES)[number];

/** The policy of the configured targets over the ticket statuses. */
export function ticketSlaPolicy(config: { targets: SlaPolicy['targets']; warnBefore: SlaWarnBefore }): SlaPolicy {
  return {
    targets: config.targets,
    warnBefore: config.warnBefore,
    pausedStatuses: SLA_PAUSED_STATUSES,
    stoppedStatuses: SLA_STOPPED_STATUSES,
  };
}

/** Whether a clock counts at the moment: not paused or stopped, and the first response not yet given. */
export function slaCounting(status: TicketStatus, firstResponseAt: Date | null): Record<SlaTargetName, boolean> {
  const running = !SLA_PAUSED_STATUSES.includes(status) && !SLA_STOPPED_STATUSES.includes(status);
  return { firstResponse: running && firstResponseAt === null, resolution: running };
}

/** What is kept on the ticket so the worker and the «Brytes i dag» view need not replay every history. */
export interface TicketSlaSchedule {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** The earliest warning of a counting clock not yet warned about. */
  warnAt: Date | null;
}

export function slaSchedule(
  clocks: SlaClocks,
  counting: Record<SlaTargetName, boolean>,
  warned: Record<SlaTargetName, boolean>,
): TicketSlaSchedule {
  const dueOf = (name: SlaTargetName) => (counting[name] ? clocks[name].dueAt : null);
  const warnings = SLA_TARGET_NAMES.filter((name) => counting[name] && !warned[name])
    .map((name) => clocks[name].warnAt)
    .filter((at): at is Date => at !== null);
  return {
    firstResponseDueAt: dueOf('firstResponse'),
    resolutionDueAt: dueOf('resolution'),
    warnAt: warnings.length ? new Date(Math.min(...warnings.map((d) => d.getTime()))) : null,
  };
}

/** What the worker does now for one ticket: warn about a clock once, mark a breach once (a breach needs no warning any more). */
export function slaActions(
  clocks: SlaClocks,
  counting: Record<SlaTargetName, boolean>,
  warned: Record<SlaTargetName, boolean>,
  breached: Record<SlaTargetName, boolean>,
): { warn: SlaTargetName[]; breach: SlaTargetName[] } {
  const breach = SLA_TARGET_NAMES.filter((name) => counting[name] && !breached[name] && clocks[name].state === 'breached');
  const warn = SLA_TARGET_NAMES.filter((name) => counting[name] && !warned[name] && clocks[name].state === 'warning');
  return { warn, breach };
}

/** The one tag staff see for a ticket: its worst clock. */
export type SlaTag = 'on_track' | 'warning' | 'breached' | 'paused' | 'met';

export function slaTag(clocks: SlaClocks): SlaTag {
  const states = SLA_TARGET_NAMES.map((name) => clocks[name].state);
  if (states.includes('breached')) return 'breached';
  if (states.includes('warning')) return 'warning';
  if (states.includes('running')) return 'on_track';
  if (states.includes('paused')) return 'paused';
  return 'met';
}

/** Until when «Brytes i dag» looks: the close of today's business hours, or now when they are over or it is a closed day. */
export function dueTodayCutoff(closingToday: Date | null, now: Date): Date {
  return closingToday && closingToday > now ? closingToday : now;
}

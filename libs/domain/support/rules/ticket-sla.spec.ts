import { BusinessCalendar } from './business-calendar';
import { type SlaClock, type SlaClocks, slaClocks, type SlaState } from './sla-clock';
import { TICKET_PRIORITIES, type TicketStatus } from './ticket-rules';
import {
  dueTodayCutoff,
  SLA_PRIORITY_OF,
  slaActions,
  slaCounting,
  slaSchedule,
  slaTag,
  type SlaTargetName,
  ticketSlaPolicy,
} from './ticket-sla';

const calendar = new BusinessCalendar({
  timeZone: 'Europe/Oslo',
  days: [1, 2, 3, 4, 5],
  opensAtMinute: 480,
  closesAtMinute: 960,
  closedDays: [],
});
const policy = ticketSlaPolicy({
  targets: {
    critical: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    high: { firstResponseMinutes: 240, resolutionMinutes: 960 },
    normal: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
    low: { firstResponseMinutes: 960, resolutionMinutes: 4800 },
  },
  warnBefore: { fractionLeft: 0.25 },
});
const d = (iso: string) => new Date(iso);
const clock = (state: SlaState, dueAt: string | null = null, warnAt: string | null = null): SlaClock => ({
  state,
  targetMillis: 0,
  elapsedMillis: 0,
  remainingMillis: 0,
  dueAt: dueAt === null ? null : d(dueAt),
  warnAt: warnAt === null ? null : d(warnAt),
});
const both = (value: boolean): Record<SlaTargetName, boolean> => ({ firstResponse: value, resolution: value });

describe('ticket SLA mapping', () => {
  it('finds targets for every ticket priority, urgent being the configuration’s critical', () => {
    for (const priority of TICKET_PRIORITIES) expect(policy.targets[SLA_PRIORITY_OF[priority]]).toBeDefined();
    expect(SLA_PRIORITY_OF.urgent).toBe('critical');
  });

  it.each<[TicketStatus, string | null, boolean, boolean]>([
    ['new', null, true, true],
    ['open', '2026-11-30T09:00Z', false, true],
    ['waiting_on_skatteetaten', null, true, true],
    ['waiting_on_consumer', null, false, false],
    ['resolved', null, false, false],
    ['closed', '2026-11-30T09:00Z', false, false],
  ])('in %s (first response %s) first response counts: %s, resolution: %s', (status, responded, firstResponse, resolution) => {
    expect(slaCounting(status, responded === null ? null : d(responded))).toEqual({ firstResponse, resolution });
  });

  it('keeps the due instants of counting clocks and the earliest warning not yet sent', () => {
    const clocks: SlaClocks = {
      firstResponse: clock('running', '2026-11-30T12:00Z', '2026-11-30T11:00Z'),
      resolution: clock('running', '2026-12-04T12:00Z', '2026-12-03T12:00Z'),
    };
    expect(slaSchedule(clocks, both(true), both(false))).toEqual({
      firstResponseDueAt: d('2026-11-30T12:00Z'),
      resolutionDueAt: d('2026-12-04T12:00Z'),
      warnAt: d('2026-11-30T11:00Z'),
    });
    expect(slaSchedule(clocks, both(true), { firstResponse: true, resolution: false }).warnAt).toEqual(d('2026-12-03T12:00Z'));
    expect(slaSchedule(clocks, { firstResponse: false, resolution: true }, both(false))).toEqual({
      firstResponseDueAt: null,
      resolutionDueAt: d('2026-12-04T12:00Z'),
      warnAt: d('2026-12-03T12:00Z'),
    });
    expect(slaSchedule(clocks, both(false), both(false))).toEqual({ firstResponseDueAt: null, resolutionDueAt: null, warnAt: null });
  });

  it.each<[string, SlaState, boolean, boolean, boolean, { warn: SlaTargetName[]; breach: SlaTargetName[] }]>([
    ['running: nothing', 'running', true, false, false, { warn: [], breach: [] }],
    ['warning: warn', 'warning', true, false, false, { warn: ['firstResponse'], breach: [] }],
    ['warning, warned: nothing', 'warning', true, true, false, { warn: [], breach: [] }],
    ['breached: mark, no late warning', 'breached', true, false, false, { warn: [], breach: ['firstResponse'] }],
    ['breached, marked: nothing', 'breached', true, true, true, { warn: [], breach: [] }],
    ['not counting: nothing', 'breached', false, false, false, { warn: [], breach: [] }],
  ])('worker actions, %s', (_, state, counting, warned, breached, expected) => {
    const clocks: SlaClocks = { firstResponse: clock(state), resolution: clock('running') };
    const only = (value: boolean) => ({ firstResponse: value, resolution: false });
    expect(slaActions(clocks, { firstResponse: counting, resolution: true }, only(warned), only(breached))).toEqual(expected);
  });

  it.each<[SlaState, SlaState, string]>([
    ['running', 'running', 'on_track'],
    ['met', 'running', 'on_track'],
    ['met', 'warning', 'warning'],
    ['breached', 'running', 'breached'],
    ['met', 'breached', 'breached'],
    ['paused', 'paused', 'paused'],
    ['met', 'paused', 'paused'],
    ['met', 'met', 'met'],
  ])('tags first response %s and resolution %s as %s', (firstResponse, resolution, tag) => {
    expect(slaTag({ firstResponse: clock(firstResponse), resolution: clock(resolution) })).toBe(tag);
  });

  it.each<[string, string | null, string, string]>([
    ['before closing: the closing', '2026-11-30T15:00Z', '2026-11-30T09:00Z', '2026-11-30T15:00Z'],
    ['after closing: now', '2026-11-30T15:00Z', '2026-11-30T18:00Z', '2026-11-30T18:00Z'],
    ['on a closed day: now', null, '2026-11-28T10:00Z', '2026-11-28T10:00Z'],
  ])('«Brytes i dag» looks until %s', (_, closing, now, expected) => {
    expect(dueTodayCutoff(closing === null ? null : d(closing), d(now))).toEqual(d(expected));
  });

  it('puts a high ticket opened the Wednesday before Easter at 15:00 due Tuesday 11:00, warning at 10:00', () => {
    const clocks = slaClocks(
      { priority: SLA_PRIORITY_OF.high, history: [{ status: 'new', at: d('2026-04-01T15:00+02:00') }], firstResponseAt: null },
      policy,
      calendar,
      d('2026-04-01T15:30+02:00'),
    );
    const schedule = slaSchedule(clocks, slaCounting('new', null), both(false));
    expect(schedule.firstResponseDueAt).toEqual(d('2026-04-07T11:00+02:00'));
    expect(schedule.warnAt).toEqual(d('2026-04-07T10:00+02:00'));
  });
});

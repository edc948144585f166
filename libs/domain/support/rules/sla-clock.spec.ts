import { BusinessCalendar } from './business-calendar';
import { type SlaClock, slaClocks, type SlaPolicy, type SlaPriority, type SlaState } from './sla-clock';

const calendar = new BusinessCalendar({
  timeZone: 'Europe/Oslo',
  days: [1, 2, 3, 4, 5],
  opensAtMinute: 8 * 60,
  closesAtMinute: 16 * 60,
  closedDays: [],
});

// Business minutes: a business day is 8 hours.
const POLICY: SlaPolicy = {
  targets: {
    critical: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
    high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 16 * 60 },
    normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 40 * 60 },
    low: { firstResponseMinutes: 16 * 60, resolutionMinutes: 80 * 60 },
  },
  warnBefore: { fractionLeft: 0.25 },
  pausedStatuses: ['waiting_on_consumer'],
  stoppedStatuses: ['resolved', 'closed'],
};

const HOUR = 3_600_000;
const MINUTE = 60_000;

type History = [status: string, at: string][];
interface Expected {
  state: SlaState;
  elapsed: number;
  dueAt: string | null;
  warnAt: string | null;
}

function ticket(priority: SlaPriority, history: History, firstResponseAt: string | null = null) {
  return {
    priority,
    history: history.map(([status, at]) => ({ status, at: new Date(at) })),
    firstResponseAt: firstResponseAt === null ? null : new Date(firstResponseAt),
  };
}

const iso = (local: string | null) => (local === null ? null : new Date(local).toISOString());
const view = (clock: SlaClock) => ({
  state: clock.state,
  elapsed: clock.elapsedMillis,
  dueAt: clock.dueAt?.toISOString() ?? null,
  warnAt: clock.warnAt?.toISOString() ?? null,
});
const expected = (e: Expected) => ({ ...e, dueAt: iso(e.dueAt), warnAt: iso(e.warnAt) });

// Mondays 30 November and 7 December 2026; the week between has no holidays.
const MON = '2026-11-30';
const TUE = '2026-12-01';
const WED = '2026-12-02';
const THU = '2026-12-03';
const FRI = '2026-12-04';
const at = (day: string, time: string) => `${day}T${time}+01:00`;

describe('first-response clock', () => {
  it.each<[string, ReturnType<typeof ticket>, string, Expected]>([
    [
      'critical, half an hour in: running',
      ticket('critical', [['new', at(MON, '09:00')]]),
      at(MON, '09:30'),
      { state: 'running', elapsed: 30 * MINUTE, dueAt: at(MON, '10:00'), warnAt: at(MON, '09:45') },
    ],
    [
      'critical, a quarter of the target left: warning',
      ticket('critical', [['new', at(MON, '09:00')]]),
      at(MON, '09:50'),
      { state: 'warning', elapsed: 50 * MINUTE, dueAt: at(MON, '10:00'), warnAt: at(MON, '09:45') },
    ],
    [
      'critical, past due: breached',
      ticket('critical', [['new', at(MON, '09:00')]]),
      at(MON, '10:30'),
      { state: 'breached', elapsed: 90 * MINUTE, dueAt: at(MON, '10:00'), warnAt: at(MON, '09:45') },
    ],
    [
      'critical, answered in time: met',
      ticket('critical', [['new', at(MON, '09:00')]], at(MON, '09:40')),
      at(MON, '12:00'),
      { state: 'met', elapsed: 40 * MINUTE, dueAt: null, warnAt: null },
    ],
    [
      'critical, answered exactly at due: met',
      ticket('critical', [['new', at(MON, '09:00')]], at(MON, '10:00')),
      at(MON, '12:00'),
      { state: 'met', elapsed: HOUR, dueAt: at(MON, '10:00'), warnAt: at(MON, '09:45') },
    ],
    [
      'critical, answered late: breached',
      ticket('critical', [['new', at(MON, '09:00')]], at(MON, '11:00')),
      at(TUE, '12:00'),
      { state: 'breached', elapsed: 2 * HOUR, dueAt: at(MON, '10:00'), warnAt: at(MON, '09:45') },
    ],
    [
      'an answer after now is not known yet',
      ticket('critical', [['new', at(MON, '09:00')]], at(MON, '09:40')),
      at(MON, '09:20'),
      { state: 'running', elapsed: 20 * MINUTE, dueAt: at(MON, '10:00'), warnAt: at(MON, '09:45') },
    ],
    [
      'critical, opened late on Friday: the weekend does not count',
      ticket('critical', [['new', at('2026-11-27', '15:30')]]),
      at(MON, '08:10'),
      { state: 'running', elapsed: 40 * MINUTE, dueAt: at(MON, '08:30'), warnAt: at(MON, '08:15') },
    ],
    [
      'high, opened before Easter: Maundy Thursday to Easter Monday do not count',
      ticket('high', [['new', '2026-04-01T14:00+02:00']]),
      '2026-04-07T08:30+02:00',
      { state: 'running', elapsed: 150 * MINUTE, dueAt: '2026-04-07T10:00+02:00', warnAt: '2026-04-07T09:00+02:00' },
    ],
    [
      'normal, over Ascension Day: met',
      ticket('normal', [['new', '2026-05-13T12:00+02:00']], '2026-05-15T11:00+02:00'),
      '2026-05-15T12:00+02:00',
      { state: 'met', elapsed: 7 * HOUR, dueAt: null, warnAt: '2026-05-15T10:00+02:00' },
    ],
    [
      'normal, over 17 May on Whit Monday: breached, warned at Friday closing',
      ticket('normal', [['new', '2027-05-14T10:00+02:00']]),
      '2027-05-18T11:00+02:00',
      { state: 'breached', elapsed: 9 * HOUR, dueAt: '2027-05-18T10:00+02:00', warnAt: '2027-05-14T16:00+02:00' },
    ],
    [
      'high, over the spring daylight-saving change: due 10:00 summer time',
      ticket('high', [['new', '2026-03-27T14:00+01:00']]),
      '2026-03-30T08:30+02:00',
      { state: 'running', elapsed: 150 * MINUTE, dueAt: '2026-03-30T10:00+02:00', warnAt: '2026-03-30T09:00+02:00' },
    ],
    [
      'low, over Christmas: Christmas Eve counts, Christmas Day and Boxing Day do not',
      ticket('low', [['new', '2026-12-23T12:00+01:00']]),
      '2026-12-28T09:00+01:00',
      { state: 'warning', elapsed: 13 * HOUR, dueAt: '2026-12-28T12:00+01:00', warnAt: '2026-12-24T16:00+01:00' },
    ],
    [
      'normal, waiting on the consumer overnight: the pause does not count',
      ticket('normal', [
        ['new', at(MON, '09:00')],
        ['waiting_on_consumer', at(MON, '10:00')],
        ['open', at(TUE, '10:00')],
      ]),
      at(TUE, '12:00'),
      { state: 'running', elapsed: 3 * HOUR, dueAt: at(WED, '09:00'), warnAt: at(TUE, '15:00') },
    ],
    [
      'normal, waiting on the consumer now: paused, no due instant',
      ticket('normal', [
        ['new', at(MON, '09:00')],
        ['waiting_on_consumer', at(MON, '10:00')],
      ]),
      at(MON, '15:00'),
      { state: 'paused', elapsed: HOUR, dueAt: null, warnAt: null },
    ],
    [
      'normal, closed without an answer: stopped in time',
      ticket('normal', [
        ['new', at(MON, '09:00')],
        ['closed', at(MON, '11:00')],
      ]),
      at(TUE, '15:00'),
      { state: 'met', elapsed: 2 * HOUR, dueAt: null, warnAt: null },
    ],
  ])('%s', (_, input, now, clock) => {
    expect(view(slaClocks(input, POLICY, calendar, new Date(now)).firstResponse)).toEqual(expected(clock));
  });
});

describe('resolution clock', () => {
  it.each<[string, ReturnType<typeof ticket>, string, Expected]>([
    [
      'normal, five business days: running',
      ticket('normal', [['new', at(MON, '09:00')]], at(MON, '09:30')),
      at(MON, '12:00'),
      { state: 'running', elapsed: 3 * HOUR, dueAt: '2026-12-07T09:00+01:00', warnAt: at(THU, '15:00') },
    ],
    [
      'normal, waiting on the consumer over the weekend: the whole pause is left out',
      ticket('normal', [
        ['new', at(MON, '09:00')],
        ['waiting_on_consumer', at(FRI, '14:00')],
        ['open', '2026-12-08T10:00+01:00'],
      ]),
      '2026-12-08T12:00+01:00',
      { state: 'warning', elapsed: 39 * HOUR, dueAt: '2026-12-08T13:00+01:00', warnAt: at(THU, '15:00') },
    ],
    [
      'waiting on Skatteetaten does not pause',
      ticket('normal', [
        ['new', at(MON, '09:00')],
        ['waiting_on_skatteetaten', at(MON, '10:00')],
      ]),
      at(TUE, '10:00'),
      { state: 'running', elapsed: 9 * HOUR, dueAt: '2026-12-07T09:00+01:00', warnAt: at(THU, '15:00') },
    ],
    [
      'high, resolved in time: met',
      ticket('high', [
        ['new', at(MON, '09:00')],
        ['resolved', at(MON, '15:00')],
      ]),
      at(FRI, '12:00'),
      { state: 'met', elapsed: 6 * HOUR, dueAt: null, warnAt: null },
    ],
    [
      'high, resolved at this very moment: met',
      ticket('high', [
        ['new', at(MON, '09:00')],
        ['resolved', at(MON, '15:00')],
      ]),
      at(MON, '15:00'),
      { state: 'met', elapsed: 6 * HOUR, dueAt: null, warnAt: null },
    ],
    [
      'high, resolved and reopened: the clock goes on from where it stopped',
      ticket('high', [
        ['new', at(MON, '09:00')],
        ['resolved', at(MON, '15:00')],
        ['open', at(WED, '10:00')],
      ]),
      at(WED, '12:00'),
      { state: 'running', elapsed: 8 * HOUR, dueAt: at(THU, '12:00'), warnAt: at(WED, '16:00') },
    ],
    [
      'high, resolved, reopened and resolved again in time: met',
      ticket('high', [
        ['new', at(MON, '09:00')],
        ['resolved', at(MON, '15:00')],
        ['open', at(WED, '10:00')],
        ['closed', at(WED, '14:00')],
      ]),
      at(FRI, '09:00'),
      { state: 'met', elapsed: 10 * HOUR, dueAt: null, warnAt: null },
    ],
    [
      'critical, resolved late: breached',
      ticket('critical', [
        ['new', at(MON, '09:00')],
        ['resolved', at(TUE, '12:00')],
      ]),
      at(WED, '09:00'),
      { state: 'breached', elapsed: 11 * HOUR, dueAt: at(TUE, '09:00'), warnAt: at(MON, '15:00') },
    ],
    [
      'critical, breached and then waiting on the consumer: stays breached',
      ticket('critical', [
        ['new', at(MON, '09:00')],
        ['waiting_on_consumer', at(TUE, '12:00')],
      ]),
      at(WED, '09:00'),
      { state: 'breached', elapsed: 11 * HOUR, dueAt: at(TUE, '09:00'), warnAt: at(MON, '15:00') },
    ],
    [
      'normal, paused over the spring change and then due after Easter',
      ticket('normal', [
        ['new', '2026-03-26T09:00+01:00'],
        ['waiting_on_consumer', '2026-03-26T14:00+01:00'],
        ['open', '2026-03-30T10:00+02:00'],
      ]),
      '2026-03-30T11:00+02:00',
      { state: 'running', elapsed: 6 * HOUR, dueAt: '2026-04-08T13:00+02:00', warnAt: '2026-04-07T11:00+02:00' },
    ],
    [
      'a resolution after now is not known yet',
      ticket('high', [
        ['new', at(MON, '09:00')],
        ['resolved', at(TUE, '12:00')],
      ]),
      at(MON, '12:00'),
      { state: 'running', elapsed: 3 * HOUR, dueAt: at(WED, '09:00'), warnAt: at(TUE, '13:00') },
    ],
  ])('%s', (_, input, now, clock) => {
    expect(view(slaClocks(input, POLICY, calendar, new Date(now)).resolution)).toEqual(expected(clock));
  });
});

describe('SLA clock details', () => {
  it('gives the target and what is left, negative once breached', () => {
    const input = ticket('critical', [['new', at(MON, '09:00')]]);
    expect(slaClocks(input, POLICY, calendar, new Date(at(MON, '09:20'))).firstResponse).toMatchObject({
      targetMillis: HOUR,
      remainingMillis: 40 * MINUTE,
    });
    expect(slaClocks(input, POLICY, calendar, new Date(at(MON, '10:30'))).firstResponse.remainingMillis).toBe(-30 * MINUTE);
  });

  it('warns a fixed number of business minutes before due when so configured', () => {
    const input = ticket('normal', [['new', at(MON, '09:00')]]);
    const policy: SlaPolicy = { ...POLICY, warnBefore: { minutesLeft: 30 } };
    expect(slaClocks(input, policy, calendar, new Date(at(MON, '12:00'))).firstResponse.warnAt?.toISOString()).toBe(iso(at(TUE, '08:30')));
    // More warning than target: warned from the start.
    const early: SlaPolicy = { ...POLICY, warnBefore: { minutesLeft: 24 * 60 } };
    expect(slaClocks(input, early, calendar, new Date(at(MON, '09:01'))).firstResponse).toMatchObject({
      state: 'warning',
      warnAt: new Date(at(MON, '09:00')),
    });
  });

  it('reads the history in time order whatever order it comes in', () => {
    const input = ticket('high', [
      ['open', at(WED, '10:00')],
      ['new', at(MON, '09:00')],
      ['resolved', at(MON, '15:00')],
    ]);
    expect(slaClocks(input, POLICY, calendar, new Date(at(WED, '12:00'))).resolution.elapsedMillis).toBe(8 * HOUR);
  });

  it('counts the same in a calendar with Christmas Eve closed', () => {
    const closed = new BusinessCalendar({ ...calendar.hours, closedDays: ['12-24'] });
    const input = ticket('low', [['new', '2026-12-23T12:00+01:00']]);
    expect(view(slaClocks(input, POLICY, closed, new Date('2026-12-28T09:00+01:00')).firstResponse)).toEqual(
      expected({ state: 'running', elapsed: 5 * HOUR, dueAt: '2026-12-29T12:00+01:00', warnAt: '2026-12-28T16:00+01:00' }),
    );
  });

  it('refuses a ticket without history, opened after now, or with a priority the policy lacks', () => {
    expect(() => slaClocks(ticket('normal', []), POLICY, calendar, new Date())).toThrow(RangeError);
    expect(() => slaClocks(ticket('normal', [['new', at(TUE, '09:00')]]), POLICY, calendar, new Date(at(MON, '09:00')))).toThrow(
      RangeError,
    );
    expect(() =>
      slaClocks({ ...ticket('normal', [['new', at(MON, '09:00')]]), priority: 'urgent' as SlaPriority }, POLICY, calendar, new Date()),
    ).toThrow(RangeError);
  });
});

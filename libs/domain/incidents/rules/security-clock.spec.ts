import { checklistComplete, securityClock, securityDeadline, warningsDue } from './security-clock';

// Received on a Friday evening before a weekend: the clock does not stop for it.
const RECEIVED = new Date('2026-12-04T18:30:00Z');
const at = (iso: string) => new Date(iso);
const WARN = [24, 6];

describe('securityDeadline', () => {
  it.each([
    ['2026-12-04T18:30:00Z', '2026-12-07T18:30:00.000Z'],
    // Across the change to summer time in Norway: calendar hours, not wall-clock days.
    ['2026-03-27T10:00:00Z', '2026-03-30T10:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2027-01-03T23:59:59.000Z'],
  ])('%s → %s', (received, deadline) => {
    expect(securityDeadline(at(received)).toISOString()).toBe(deadline);
  });
});

describe('securityClock', () => {
  it.each<[string, string, boolean, string, number[], number]>([
    ['at once', '2026-12-04T18:30:00Z', false, 'running', [], 72],
    ['a day and a minute left', '2026-12-06T18:29:00Z', false, 'running', [], 24 + 1 / 60],
    ['exactly 24 hours left', '2026-12-06T18:30:00Z', false, 'warning', [24], 24],
    ['over the weekend, 7 hours left', '2026-12-07T11:30:00Z', false, 'warning', [24], 7],
    ['exactly 6 hours left', '2026-12-07T12:30:00Z', false, 'warning', [24, 6], 6],
    ['at the deadline', '2026-12-07T18:30:00Z', false, 'overdue', [24, 6], 0],
    ['an hour late', '2026-12-07T19:30:00Z', false, 'overdue', [24, 6], -1],
    ['complete before the deadline', '2026-12-07T12:30:00Z', true, 'done', [24, 6], 6],
    ['complete after the deadline', '2026-12-08T00:00:00Z', true, 'done', [24, 6], -5.5],
  ])('%s', (_, now, complete, state, passed, hoursLeft) => {
    const clock = securityClock(RECEIVED, at(now), WARN, complete);
    expect(clock).toMatchObject({ state, thresholdsPassed: passed });
    expect(clock.remainingMs / 3_600_000).toBeCloseTo(hoursLeft, 6);
    expect(clock.deadline.toISOString()).toBe('2026-12-07T18:30:00.000Z');
  });

  it('takes the thresholds in any order and without any', () => {
    expect(securityClock(RECEIVED, at('2026-12-07T13:00:00Z'), [6, 24], false).thresholdsPassed).toEqual([24, 6]);
    expect(securityClock(RECEIVED, at('2026-12-07T13:00:00Z'), [], false).state).toBe('running');
  });
});

describe('warningsDue', () => {
  const clockAt = (now: string, complete = false) => securityClock(RECEIVED, at(now), WARN, complete);
  it.each<[string, string, number[], boolean, number[]]>([
    ['nothing passed yet', '2026-12-05T00:00:00Z', [], false, []],
    ['the first threshold', '2026-12-06T19:00:00Z', [], false, [24]],
    ['the first again', '2026-12-06T20:00:00Z', [24], false, []],
    ['the second after the first', '2026-12-07T13:00:00Z', [24], false, [6]],
    ['both when the worker was down for both', '2026-12-07T13:00:00Z', [], false, [24, 6]],
    ['none once everything was warned of', '2026-12-08T13:00:00Z', [24, 6], false, []],
    ['none when the checklist is complete', '2026-12-07T13:00:00Z', [], true, []],
  ])('%s', (_, now, warned, complete, expected) => {
    expect(warningsDue(clockAt(now, complete), warned)).toEqual(expected);
  });
});

describe('checklistComplete', () => {
  const by = { by: 'sikkerhet@ks.no', at: '2026-12-04T19:00:00Z' };
  const called = { skeCalled: { calledName: 'Vakthavende', calledAt: '2026-12-04T18:45:00Z', ...by } };
  const informed = { municipalityInformed: by };
  const contained = { containment: { text: 'API-nøkkelen er trukket tilbake', ...by } };
  it.each<[string, object, boolean, boolean]>([
    ['nothing done', {}, false, false],
    ['informed and contained, not critical', { ...informed, ...contained }, false, true],
    ['informed and contained, critical without the call', { ...informed, ...contained }, true, false],
    ['everything, critical', { ...called, ...informed, ...contained }, true, true],
    ['the call alone', called, true, false],
  ])('%s', (_, checklist, critical, expected) => {
    expect(checklistComplete(checklist, critical)).toBe(expected);
  });
});

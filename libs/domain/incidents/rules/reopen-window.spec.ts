import type { IncidentSide, IncidentStatus } from '../incident.entity';
import { reopenedStatus, type ThreadEvent, untoldReopening, withinReopenWindow } from './reopen-window';

const NOW = new Date('2030-03-15T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 3_600_000);

describe('withinReopenWindow', () => {
  it.each<[string, Date | null, number, boolean]>([
    ['resolved an hour ago', new Date(NOW.getTime() - 3_600_000), 14, true],
    ['resolved exactly 14 days ago', daysAgo(14), 14, true],
    ['resolved 14 days and a minute ago', new Date(daysAgo(14).getTime() - 60_000), 14, false],
    ['a window of 0 days: only the same instant', NOW, 0, true],
    ['a window of 0 days, a minute later', new Date(NOW.getTime() - 60_000), 0, false],
    ['never resolved', null, 14, false],
    ['resolved in the future (clock skew)', new Date(NOW.getTime() + 60_000), 14, false],
  ])('%s', (_case, resolvedAt, days, expected) => {
    expect(withinReopenWindow(resolvedAt, NOW, days)).toBe(expected);
  });
});

describe('reopenedStatus', () => {
  it.each<[boolean, IncidentSide, IncidentStatus]>([
    [true, 'ske', 'escalated'],
    [true, 'security', 'escalated'],
    [true, 'undetermined', 'escalated'],
    [false, 'undetermined', 'new'],
    [false, 'local', 'triaged'],
    [false, 'ske', 'triaged'],
  ])('thread sent %s, side %s: %s', (sent, side, status) => {
    expect(reopenedStatus(sent, side)).toBe(status);
  });
});

describe('untoldReopening', () => {
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const reopened = (m: number): ThreadEvent => ({ kind: 'reopened', at: at(m) });
  const followUp = (m: number): ThreadEvent => ({ kind: 'follow_up_sent', at: at(m) });
  const toSke = (m: number): ThreadEvent => ({ kind: 'message_sent', at: at(m), details: { audience: 'skatteetaten' } });
  const toMunicipalities = (m: number): ThreadEvent => ({ kind: 'message_sent', at: at(m), details: { audience: 'municipalities' } });
  const threadStarted = at(0);

  it.each<[string, ThreadEvent[], Date | null]>([
    ['never reopened', [followUp(5)], null],
    ['nothing at all', [], null],
    ['reopened after the thread began, nothing sent since', [followUp(5), reopened(10)], at(10)],
    ['reopened twice, the last one counts', [reopened(10), reopened(20)], at(20)],
    ['an update has gone since', [reopened(10), followUp(15)], null],
    ['staff wrote to Skatteetaten since', [reopened(10), toSke(12)], null],
    ['staff wrote only to the municipalities since', [reopened(10), toMunicipalities(12)], at(10)],
    ['reopened before the thread began (no closing message in it)', [reopened(-10)], null],
    ['reopened again after an update that told of the first reopening', [reopened(10), followUp(15), reopened(30)], at(30)],
  ])('%s', (_case, events, expected) => {
    expect(untoldReopening(events, threadStarted)).toEqual(expected);
  });
});

import type { IncidentSide, IncidentStatus } from '../incident.entity';
import { reopenedStatus, withinReopenWindow } from './reopen-window';

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

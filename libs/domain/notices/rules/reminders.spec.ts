import { dueReminder } from './reminders';

const EFFECTIVE = new Date('2030-03-01T00:00:00Z');
const daysBefore = (d: number) => new Date(EFFECTIVE.getTime() - d * 86_400_000);

describe('which reminder is due', () => {
  it.each<[string, Date, number[], number | null]>([
    ['30 days before: none yet', daysBefore(30), [], null],
    ['just over 14 days before: none yet', daysBefore(14.01), [], null],
    ['14 days before: the 14-day one', daysBefore(14), [], 14],
    ['10 days before, 14 not sent: the 14-day one', daysBefore(10), [], 14],
    ['10 days before, 14 sent: nothing', daysBefore(10), [14], null],
    ['3 days before, 14 sent: the 3-day one', daysBefore(3), [14], 3],
    ['2 days before, nothing sent: only the 3-day one', daysBefore(2), [], 3],
    ['2 days before, both sent: nothing', daysBefore(2), [14, 3], null],
    ['2 days before, only 3 sent: nothing (14 is moot)', daysBefore(2), [3], null],
    ['after the effective date: nothing', daysBefore(-1), [], null],
  ])('%s', (_, now, sent, expected) => {
    expect(dueReminder(EFFECTIVE, now, [14, 3], sent)).toBe(expected);
  });

  it('follows the configured lead times', () => {
    expect(dueReminder(EFFECTIVE, daysBefore(6), [7, 1], [])).toBe(7);
    expect(dueReminder(EFFECTIVE, daysBefore(6), [], [])).toBeNull();
  });
});

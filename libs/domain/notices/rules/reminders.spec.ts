import { dueReminder, wholeDaysLeft } from './reminders';

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

  it.each<[string, number, Date, number[], number | null]>([
    ['sent 30 days before, at 14: the 14-day one', 30, daysBefore(14), [], 14],
    ['sent 10 days before, at 10: nothing (14 was passed when it was sent)', 10, daysBefore(10), [], null],
    ['sent 10 days before, at 3: the 3-day one', 10, daysBefore(3), [], 3],
    ['sent 2 days before, at 2: nothing (both passed when it was sent)', 2, daysBefore(2), [], null],
    ['sent exactly 3 days before, at 2: nothing (within the 3 days from the start)', 3, daysBefore(2), [], null],
  ])('%s', (_, sentDaysBefore, now, sent, expected) => {
    expect(dueReminder(EFFECTIVE, now, [14, 3], sent, daysBefore(sentDaysBefore))).toBe(expected);
  });

  it.each<[number, number]>([
    [2.9, 2],
    [2, 2],
    [1.5, 1],
    [0.4, 0],
    [-1, 0],
  ])('%d days before reads as %d whole days left', (before, expected) => {
    expect(wholeDaysLeft(EFFECTIVE, daysBefore(before))).toBe(expected);
  });

  it('follows the configured lead times', () => {
    expect(dueReminder(EFFECTIVE, daysBefore(6), [7, 1], [])).toBe(7);
    expect(dueReminder(EFFECTIVE, daysBefore(6), [], [])).toBeNull();
  });
});

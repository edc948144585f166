import { CLOCK_SKEW_MS, startsAfterReceipt } from './report-times';

const received = new Date('2026-11-20T12:00:00Z');
const at = (ms: number) => new Date(received.getTime() + ms);

describe('startsAfterReceipt', () => {
  it.each<[string, Date | null | undefined, number, boolean]>([
    ['no start given', undefined, CLOCK_SKEW_MS, false],
    ['no start given (null)', null, CLOCK_SKEW_MS, false],
    ['a live report that started an hour ago', at(-3_600_000), CLOCK_SKEW_MS, false],
    ['a live report that started as it was sent', received, CLOCK_SKEW_MS, false],
    ['a live report whose sender’s clock runs the whole skew ahead', at(CLOCK_SKEW_MS), CLOCK_SKEW_MS, false],
    ['a live report a millisecond beyond the skew', at(CLOCK_SKEW_MS + 1), CLOCK_SKEW_MS, true],
    ['a live report that starts tomorrow', at(86_400_000), CLOCK_SKEW_MS, true],
    ['a live report that starts in the year 2999', new Date('2999-12-31T00:00:00Z'), CLOCK_SKEW_MS, true],
    ['an import that started as it was received', received, 0, false],
    ['an import that started a second after it was received', at(1_000), 0, true],
  ])('%s: %s', (_, occurredAt, skew, refused) => {
    expect(startsAfterReceipt(occurredAt, received, skew)).toBe(refused);
  });
});

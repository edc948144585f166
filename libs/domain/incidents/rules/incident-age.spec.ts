import { type AgeBucket, ageBucket } from './incident-age';

describe('ageBucket', () => {
  it.each<[number, AgeBucket]>([
    [0, 'under-1-day'],
    [1, '1-6-days'],
    [6, '1-6-days'],
    [7, '7-29-days'],
    [29, '7-29-days'],
    [30, '30-days-or-more'],
    [400, '30-days-or-more'],
  ])('%i whole days open: %s', (days, bucket) => {
    expect(ageBucket(days)).toBe(bucket);
  });
});

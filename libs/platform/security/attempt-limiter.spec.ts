import { AttemptLimiter } from './attempt-limiter';

describe('AttemptLimiter', () => {
  const rule = { limit: 3, windowMs: 60_000, maxKeys: 100 };

  function failing(limiter: AttemptLimiter, key: string, times: number, at: number): void {
    for (let i = 0; i < times; i++) limiter.recordFailure(key, at);
  }

  it.each([
    ['no failure', 0, 0, 0],
    ['fewer failures than the limit', 2, 1_000, 0],
    ['the limit used up: refused for the rest of the window', 3, 1_000, 59_000],
    ['more failures than the limit: still the window’s end', 5, 30_000, 30_000],
    ['the window ended: may try again', 3, 60_000, 0],
  ])('%s', (_, failures, askedAt, expected) => {
    const limiter = new AttemptLimiter(rule);
    failing(limiter, '10.0.0.1', failures, 0);
    expect(limiter.blockedFor('10.0.0.1', askedAt)).toBe(expected);
  });

  it('says which failure used up the window, once', () => {
    const limiter = new AttemptLimiter(rule);
    expect([1, 2, 3, 4].map(() => limiter.recordFailure('a', 0))).toEqual([false, false, true, false]);
    expect(new AttemptLimiter({ ...rule, limit: 0 }).recordFailure('a', 0)).toBe(false);
  });

  it('counts each key on its own', () => {
    const limiter = new AttemptLimiter(rule);
    failing(limiter, '10.0.0.1', 3, 0);
    expect(limiter.blockedFor('10.0.0.1', 10)).toBeGreaterThan(0);
    expect(limiter.blockedFor('10.0.0.2', 10)).toBe(0);
  });

  it('starts a new window after one ends, counting from one', () => {
    const limiter = new AttemptLimiter(rule);
    failing(limiter, 'a', 3, 0);
    failing(limiter, 'a', 2, 61_000);
    expect(limiter.blockedFor('a', 61_000)).toBe(0);
    limiter.recordFailure('a', 62_000);
    expect(limiter.blockedFor('a', 62_000)).toBe(59_000);
  });

  it('never refuses when the limit is 0', () => {
    const limiter = new AttemptLimiter({ ...rule, limit: 0 });
    failing(limiter, 'a', 1_000, 0);
    expect(limiter.blockedFor('a', 0)).toBe(0);
  });

  it('remembers at most maxKeys keys: ended windows go first, then the oldest', () => {
    const limiter = new AttemptLimiter({ ...rule, maxKeys: 2 });
    failing(limiter, 'old', 3, 0);
    failing(limiter, 'recent', 3, 50_000);
    failing(limiter, 'new', 3, 70_000); // 'old' has ended and makes the room
    expect(limiter.blockedFor('recent', 70_000)).toBe(40_000);
    expect(limiter.blockedFor('new', 70_000)).toBe(60_000);
    failing(limiter, 'newest', 3, 71_000); // nothing has ended: the oldest remembered ('recent') goes
    expect(limiter.blockedFor('recent', 71_000)).toBe(0);
    expect(limiter.blockedFor('new', 71_000)).toBe(59_000);
    expect(limiter.blockedFor('newest', 71_000)).toBe(60_000);
  });
});

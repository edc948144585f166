import { withUniformDuration } from './uniform-duration';

describe('withUniformDuration', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  /** Settles the promise while stepping fake time; returns when (in fake ms) it settled. */
  async function settledAt(promise: Promise<unknown>): Promise<number> {
    let at: number | null = null;
    promise.then(
      () => (at = Date.now()),
      () => (at = Date.now()),
    );
    for (let i = 0; i < 2_000 && at === null; i++) await jest.advanceTimersByTimeAsync(1);
    return at!;
  }

  const after = <T>(ms: number, value: T, fail = false) =>
    new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

  it.each([
    ['work that finds nothing at once', 0, 250],
    ['work that finds something after 20 ms', 20, 250],
    ['work that takes the whole floor', 250, 250],
    ['work longer than the floor, not cut short', 400, 400],
  ])('%s (%i ms) settles at %i ms', async (_, workMs, expected) => {
    expect(await settledAt(withUniformDuration(250, () => after(workMs, 'ok')))).toBe(expected);
  });

  it('returns the work’s value and passes its error on, after the floor too', async () => {
    const ok = withUniformDuration(100, () => after(10, 'value'));
    expect(await settledAt(ok)).toBe(100);
    await expect(ok).resolves.toBe('value');
    const failed = withUniformDuration(100, () => after(10, 'refused', true));
    failed.catch(() => undefined);
    expect(await settledAt(failed)).toBe(200);
    await expect(failed).rejects.toThrow('refused');
  });
});

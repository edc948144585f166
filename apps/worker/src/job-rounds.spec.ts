import { JobRounds } from './job-rounds';

/** A round that runs until the test lets it end. */
function heldRound() {
  let end: () => void = () => undefined;
  const ran = jest.fn(() => new Promise<void>((resolve) => (end = resolve)));
  return { ran, end: () => end() };
}

describe('JobRounds', () => {
  const logger = { error: jest.fn() };
  beforeEach(() => logger.error.mockReset());

  it('skips a tick while the same job is still running, and runs it again once that round ended', async () => {
    const rounds = new JobRounds(logger);
    const held = heldRound();
    const first = rounds.run('sending due escalations', held.ran);
    await rounds.run('sending due escalations', held.ran);
    expect(held.ran).toHaveBeenCalledTimes(1);
    held.end();
    await first;
    const second = rounds.run('sending due escalations', held.ran);
    expect(held.ran).toHaveBeenCalledTimes(2);
    held.end();
    await second;
  });

  it('runs different jobs side by side', async () => {
    const rounds = new JobRounds(logger);
    const [a, b] = [heldRound(), heldRound()];
    const running = [rounds.run('reading feeds', a.ran), rounds.run('sending scheduled notices', b.ran)];
    expect([a.ran.mock.calls.length, b.ran.mock.calls.length]).toEqual([1, 1]);
    a.end();
    b.end();
    await Promise.all(running);
  });

  it.each([
    ['an Error', new Error('connection terminated'), 'connection terminated'],
    ['anything else thrown', 'timeout', 'timeout'],
  ])('logs a round that failed with %s under the job, resolves, and lets the next tick run', async (_, thrown, message) => {
    const rounds = new JobRounds(logger);
    await expect(rounds.run('ticket SLA round', () => Promise.reject(thrown as Error))).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith({ err: message }, 'ticket SLA round failed');
    const next = jest.fn(() => Promise.resolve());
    await rounds.run('ticket SLA round', next);
    expect(next).toHaveBeenCalledTimes(1);
  });
});

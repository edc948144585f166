import { UncertainPlacements } from './uncertain-placements';

/** A placement the test ends when it wants. */
function placement<T>(value: T) {
  let end!: (error?: Error) => void;
  const work = () => new Promise<T>((resolve, reject) => (end = (error) => (error ? reject(error) : resolve(value))));
  return { work, end: (error?: Error) => end(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('UncertainPlacements', () => {
  it('has nothing in progress, and is settled at once, when no placement runs', async () => {
    const placements = new UncertainPlacements();
    expect(placements.inProgress('production')).toBe(false);
    await expect(placements.settled('production')).resolves.toBeUndefined();
  });

  it('is in progress from the start of a placement to its end, and answers with its result', async () => {
    const placements = new UncertainPlacements();
    const p = placement('placed');
    const result = placements.run('production', p.work);
    expect(placements.inProgress('production')).toBe(true);
    p.end();
    await expect(result).resolves.toBe('placed');
    expect(placements.inProgress('production')).toBe(false);
  });

  it('settles once every placement of the environment has ended, and not before', async () => {
    const placements = new UncertainPlacements();
    const [a, b] = [placement(1), placement(2)];
    const runs = [placements.run('production', a.work), placements.run('production', b.work)];
    let settled = false;
    void placements.settled('production').then(() => (settled = true));
    a.end();
    await settle();
    expect(settled).toBe(false);
    expect(placements.inProgress('production')).toBe(true);
    b.end();
    await Promise.all(runs);
    await settle();
    expect(settled).toBe(true);
  });

  it('keeps environments apart', async () => {
    const placements = new UncertainPlacements();
    const p = placement(null);
    const run = placements.run('test', p.work);
    expect(placements.inProgress('test')).toBe(true);
    expect(placements.inProgress('production')).toBe(false);
    p.end();
    await run;
  });

  it('ends a failed placement as any other, and passes its error on', async () => {
    const placements = new UncertainPlacements();
    const p = placement(null);
    const run = placements.run('production', p.work);
    const settled = placements.settled('production');
    p.end(new Error('rolled back'));
    await expect(run).rejects.toThrow('rolled back');
    await expect(settled).resolves.toBeUndefined();
    expect(placements.inProgress('production')).toBe(false);
  });
});

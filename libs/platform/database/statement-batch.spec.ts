import { AsyncLocalStorage } from 'node:async_hooks';

import { StatementBatch } from './statement-batch';

/** A batch over numbers that records what it ran; an item that is negative fails. */
function recordingBatch(maxItems = 16) {
  const batches: number[][] = [];
  const singles: number[] = [];
  const refuse = (n: number) => {
    // invalid_text_representation, as PostgreSQL refuses a value
    if (n < 0) throw Object.assign(new Error(`refused ${n}`), { code: '22P02' });
    return n * 10;
  };
  const batch = new StatementBatch<number, number>(
    async (items) => {
      batches.push(items);
      return items.map(refuse);
    },
    async (item) => {
      singles.push(item);
      return refuse(item);
    },
    maxItems,
  );
  return { batch, batches, singles };
}

describe('StatementBatch', () => {
  it('runs the calls of one turn as one batch, each answered with its own result', async () => {
    const { batch, batches, singles } = recordingBatch();
    await expect(Promise.all([1, 2, 3].map((n) => batch.submit(n)))).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(singles).toEqual([]);
  });

  it('runs a lone call by itself, and calls of later turns in batches of their own', async () => {
    const { batch, batches, singles } = recordingBatch();
    await expect(batch.submit(1)).resolves.toBe(10);
    await expect(Promise.all([batch.submit(2), batch.submit(3)])).resolves.toEqual([20, 30]);
    expect(singles).toEqual([1]);
    expect(batches).toEqual([[2, 3]]);
  });

  it('splits a turn with more calls than a batch holds', async () => {
    const { batch, batches, singles } = recordingBatch(2);
    await expect(Promise.all([1, 2, 3, 4, 5].map((n) => batch.submit(n)))).resolves.toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(singles).toEqual([5]);
  });

  it('tries each item of a failed batch alone, so only the refused one fails', async () => {
    const { batch, batches, singles } = recordingBatch();
    const results = await Promise.allSettled([1, -2, 3].map((n) => batch.submit(n)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: expect.objectContaining({ message: 'refused -2', code: '22P02' }) },
      { status: 'fulfilled', value: 30 },
    ]);
    expect(batches).toEqual([[1, -2, 3]]);
    expect(singles).toEqual([1, -2, 3]);
  });

  it('answers every item of a batch that failed for another reason with that failure, without trying each again', async () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { code: undefined });
    const singles: number[] = [];
    const batch = new StatementBatch<number, number>(
      async () => Promise.reject(lost),
      async (item) => {
        singles.push(item);
        return item;
      },
      16,
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batch.submit(n)));
    expect(results).toEqual([1, 2, 3].map(() => ({ status: 'rejected', reason: lost })));
    expect(singles).toEqual([]);
  });

  it('runs a batch outside the context of the call that scheduled it', async () => {
    const storage = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const batch = new StatementBatch<number, number>(
      async (items) => {
        seen.push(storage.getStore());
        return items;
      },
      async (item) => {
        seen.push(storage.getStore());
        return item;
      },
      16,
    );
    await storage.run('first request', () => Promise.all([batch.submit(1), batch.submit(2)]));
    await storage.run('another request', () => batch.submit(3));
    expect(seen).toEqual([undefined, undefined]);
  });
});

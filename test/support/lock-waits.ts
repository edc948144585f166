import { Client } from 'pg';

/** A request started by `LockWaits.start`: its result, and whether it has settled yet. */
export interface Started<T> {
  readonly result: Promise<T>;
  readonly settled: boolean;
}

/**
 * Two more sessions on a test database on the server, to set up interleavings: `other` holds
 * locks in a transaction of its own, `observer` watches who waits for one. (Asked on a session
 * of its own: one in a transaction sees the activity of its first look for the rest of it.)
 */
export class LockWaits {
  private constructor(
    readonly other: Client,
    private readonly observer: Client,
  ) {}

  static async open(url: string): Promise<LockWaits> {
    const [other, observer] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
    await other.connect();
    await observer.connect();
    return new LockWaits(other, observer);
  }

  async close(): Promise<void> {
    await this.other.end();
    await this.observer.end();
  }

  start<T>(request: PromiseLike<T>): Started<T> {
    let settled = false;
    const result = Promise.resolve(request).finally(() => (settled = true));
    return {
      result,
      get settled() {
        return settled;
      },
    };
  }

  /** Resolves once `count` sessions wait for a lock, or `request` has settled and need not wait. */
  async untilWaiting(count: number, request: Started<unknown>): Promise<void> {
    for (;;) {
      const { rows } = await this.observer.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n >= count || request.settled) return;
      await new Promise((r) => setImmediate(r));
    }
  }
}

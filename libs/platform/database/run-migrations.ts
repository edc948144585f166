import { DataSource, MigrationExecutor } from 'typeorm';

import { forgetTransactionIdsOfAnotherCluster } from './database-origin';

/** Listed with the applied migrations when the database was found in another cluster than it recorded. */
export const MOVED_FROM_ANOTHER_CLUSTER = 'transaction ids of another PostgreSQL cluster forgotten';

/**
 * Applies pending migrations, then checks that the database still runs in the cluster it recorded
 * (forgetTransactionIdsOfAnotherCluster), in one transaction that first takes a transaction-scoped
 * advisory lock, with every step on that one connection. Two processes starting at once against
 * one server apply them exactly once: the second waits for the lock, then finds nothing pending.
 * (A session lock would not do: the embedded database shares one session among all connections.)
 * Returns what it did: the migrations' names, and MOVED_FROM_ANOTHER_CLUSTER when ids were forgotten.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended('segment-desk:migrations', 0))`);
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      const applied = await executor.executePendingMigrations();
      const moved = await forgetTransactionIdsOfAnotherCluster(runner);
      await runner.commitTransaction();
      return [...applied.map((m) => m.name), ...(moved ? [MOVED_FROM_ANOTHER_CLUSTER] : [])];
    } catch (e) {
      await runner.rollbackTransaction();
      throw e;
    }
  } finally {
    await runner.release();
  }
}

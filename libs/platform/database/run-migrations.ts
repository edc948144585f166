import { DataSource, MigrationExecutor } from 'typeorm';

/**
 * Applies pending migrations in one transaction that first takes a transaction-scoped advisory
 * lock, with every step on that one connection. Two processes starting at once against one
 * server apply them exactly once: the second waits for the lock, then finds nothing pending.
 * (A session lock would not do: the embedded database shares one session among all connections.)
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
      await runner.commitTransaction();
      return applied.map((m) => m.name);
    } catch (e) {
      await runner.rollbackTransaction();
      throw e;
    }
  } finally {
    await runner.release();
  }
}

import { DataSource } from 'typeorm';

/**
 * Applies pending migrations while holding a session advisory lock, so two processes starting
 * at once against one server apply them exactly once; the second waits and finds nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtextextended('segment-desk:migrations', 0))`);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtextextended('segment-desk:migrations', 0))`);
    }
  } finally {
    await runner.release();
  }
}

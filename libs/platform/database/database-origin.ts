import type { QueryRunner } from 'typeorm';

/**
 * Whether the database now runs in another PostgreSQL cluster than the one it recorded (a dump
 * restored elsewhere): then the transaction ids its rows keep were issued by that other cluster,
 * and are forgotten (`forget_transaction_ids()`, migrations/1795485000000-database-origin.ts)
 * before anything compares them with this cluster's. A database that has recorded none yet (new,
 * upgraded, or restored from a dump taken before it recorded one) cannot tell where its ids came
 * from, so it forgets them too; only a recorded cluster that differs counts as moved. Runs in the
 * migrations' transaction, under their lock, so two processes starting at once do it once.
 */
export async function forgetTransactionIdsOfAnotherCluster(runner: QueryRunner): Promise<boolean> {
  const [{ current }] = await runner.query(`SELECT system_identifier::text AS current FROM pg_control_system()`);
  const [recorded] = await runner.query(`SELECT system_identifier FROM database_origin FOR UPDATE`);
  if (recorded?.system_identifier === current) return false;
  await runner.query(`SELECT forget_transaction_ids()`);
  await runner.query(
    `INSERT INTO database_origin (system_identifier) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET system_identifier = EXCLUDED.system_identifier`,
    [current],
  );
  return !!recorded;
}

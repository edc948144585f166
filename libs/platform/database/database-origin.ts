import type { QueryRunner } from 'typeorm';

/**
 * Whether the database now runs in another PostgreSQL cluster than the one it recorded (a dump
 * restored elsewhere): then the transaction ids its rows keep were issued by that other cluster,
 * and are forgotten (`forget_transaction_ids()`, migrations/1795485000000-database-origin.ts)
 * before anything compares them with this cluster's. Runs in the migrations' transaction, under
 * their lock, so two processes starting at once forget them once.
 */
export async function forgetTransactionIdsOfAnotherCluster(runner: QueryRunner): Promise<boolean> {
  const [origin] = await runner.query(
    `SELECT o.system_identifier AS recorded, c.system_identifier::text AS current
     FROM database_origin o, pg_control_system() c FOR UPDATE OF o`,
  );
  if (!origin || origin.recorded === origin.current) return false;
  await runner.query(`SELECT forget_transaction_ids()`);
  await runner.query(`UPDATE database_origin SET system_identifier = $1`, [origin.current]);
  return true;
}

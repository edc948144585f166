import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transaction ids mean something only in the PostgreSQL cluster that issued them, and a database
 * restored from a dump into another cluster keeps the ids its rows were stored with. The database
 * records the cluster it runs in (`pg_control_system().system_identifier`); each start compares
 * it with the cluster it finds (`forgetTransactionIdsOfAnotherCluster`, which also records it the
 * first time), and when they differ the stored ids are forgotten (`forget_transaction_ids()`:
 * reports and escalations fall back to the watermark on creation time), once.
 */
export class DatabaseOrigin1795485000000 implements MigrationInterface {
  name = 'DatabaseOrigin1795485000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "database_origin" ("singleton" boolean NOT NULL DEFAULT true, "system_identifier" text NOT NULL,
         CONSTRAINT "database_origin_pkey" PRIMARY KEY ("singleton"), CONSTRAINT "database_origin_singleton" CHECK ("singleton"))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION forget_transaction_ids() RETURNS void LANGUAGE sql AS $$
        UPDATE report SET created_xid = NULL WHERE created_xid IS NOT NULL;
        UPDATE escalation SET told_snapshot = NULL WHERE told_snapshot IS NOT NULL;
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION forget_transaction_ids()`);
    await queryRunner.query(`DROP TABLE "database_origin"`);
  }
}

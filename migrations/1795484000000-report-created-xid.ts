import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What Skatteetaten has been told of an incident's reports, by commit rather than by clock. A
 * report's `created_at` is its transaction's start, so a report that began before the newest one
 * already told but committed after a message was drafted fell behind the thread's watermark and
 * was never told. Each report now keeps the id of the transaction that stored it, and each
 * escalation the snapshot taken before its last message was drafted: a report is news when that
 * snapshot did not see its transaction. Rows stored before this have no transaction id and keep
 * the watermark (`reported_until`); the column's default is set apart from adding it, so that
 * adding it rewrites no row of a large table.
 */
export class ReportCreatedXid1795484000000 implements MigrationInterface {
  name = 'ReportCreatedXid1795484000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // As bigint and text, which the ORM's schema check knows; compared as xid8 and pg_snapshot. The
    // function keeps the cast out of the column's default, which the check would read without it.
    await queryRunner.query(
      `CREATE FUNCTION current_transaction_id() RETURNS bigint LANGUAGE sql VOLATILE AS $$ SELECT pg_current_xact_id()::text::bigint $$`,
    );
    await queryRunner.query(`ALTER TABLE "report" ADD "created_xid" bigint`);
    await queryRunner.query(`ALTER TABLE "report" ALTER COLUMN "created_xid" SET DEFAULT current_transaction_id()`);
    await queryRunner.query(`ALTER TABLE "escalation" ADD "told_snapshot" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "escalation" DROP COLUMN "told_snapshot"`);
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "created_xid"`);
    await queryRunner.query(`DROP FUNCTION current_transaction_id()`);
  }
}

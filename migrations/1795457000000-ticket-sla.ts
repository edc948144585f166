import { MigrationInterface, QueryRunner } from 'typeorm';

/** A ticket's SLA due instants, next warning, and when each clock was warned about and marked breached. */
export class TicketSla1795457000000 implements MigrationInterface {
  name = 'TicketSla1795457000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ticket" ADD "sla_first_response_due_at" TIMESTAMP WITH TIME ZONE, ADD "sla_resolution_due_at" TIMESTAMP WITH TIME ZONE, ADD "sla_warn_at" TIMESTAMP WITH TIME ZONE, ADD "sla_first_response_warned_at" TIMESTAMP WITH TIME ZONE, ADD "sla_resolution_warned_at" TIMESTAMP WITH TIME ZONE, ADD "sla_first_response_breached_at" TIMESTAMP WITH TIME ZONE, ADD "sla_resolution_breached_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_sla_warn_idx" ON "ticket" ("sla_warn_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ticket_sla_warn_idx"`);
    await queryRunner.query(
      `ALTER TABLE "ticket" DROP COLUMN "sla_resolution_breached_at", DROP COLUMN "sla_first_response_breached_at", DROP COLUMN "sla_resolution_warned_at", DROP COLUMN "sla_first_response_warned_at", DROP COLUMN "sla_warn_at", DROP COLUMN "sla_resolution_due_at", DROP COLUMN "sla_first_response_due_at"`,
    );
  }
}

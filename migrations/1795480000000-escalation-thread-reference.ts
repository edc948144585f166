import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reference a thread to Skatteetaten began under, kept when a merge hands the thread to the
 * surviving incident. Existing threads take their incident's reference: where a merge already
 * moved one, the reference it began under is no longer known.
 */
export class EscalationThreadReference1795480000000 implements MigrationInterface {
  name = 'EscalationThreadReference1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "escalation" ADD "thread_reference" text`);
    await queryRunner.query(
      `UPDATE "escalation" e SET "thread_reference" = i."reference" FROM "incident" i WHERE i."id" = e."incident_id"`,
    );
    await queryRunner.query(`ALTER TABLE "escalation" ALTER COLUMN "thread_reference" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "escalation" DROP COLUMN "thread_reference"`);
  }
}

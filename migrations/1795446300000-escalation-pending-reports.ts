import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports that join an escalated incident by a merge are told to Skatteetaten in the next follow-up. */
export class EscalationPendingReports1795446300000 implements MigrationInterface {
  name = 'EscalationPendingReports1795446300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "escalation" ADD "pending_report_ids" uuid array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "escalation" DROP COLUMN "pending_report_ids"`);
  }
}

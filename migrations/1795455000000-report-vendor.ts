import { MigrationInterface, QueryRunner } from 'typeorm';

/** The vendor that sent a report for a municipality under Altinn delegation (Maskinporten's supplier). */
export class ReportVendor1795455000000 implements MigrationInterface {
  name = 'ReportVendor1795455000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" ADD "vendor_organisation_number" text`);
    await queryRunner.query(`ALTER TABLE "report" ADD "vendor_name" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "vendor_name"`);
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "vendor_organisation_number"`);
  }
}

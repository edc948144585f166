import { MigrationInterface, QueryRunner } from 'typeorm';

/** The security track's cases: the 72-hour clock, the checklist and the warnings sent. */
export class SecurityCases1795455100000 implements MigrationInterface {
  name = 'SecurityCases1795455100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "security_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checklist" jsonb NOT NULL DEFAULT '{}', "warnings_sent" integer array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3af2fa2a3c238211d187d5a10c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "security_case_incident_key" ON "security_case" ("incident_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "security_case"`);
  }
}

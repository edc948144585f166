import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who has which case page open, as heartbeats from every process's live feed (old ones are deleted as they expire). */
export class CasePresence1795456200000 implements MigrationInterface {
  name = 'CasePresence1795456200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_presence" (
      "staff_id" uuid NOT NULL,
      "subject" text NOT NULL,
      "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_af4c0d6986f5b5427c3c7141418" PRIMARY KEY ("staff_id", "subject")
    )`);
    await queryRunner.query(`CREATE INDEX "case_presence_subject_idx" ON "case_presence" ("subject", "seen_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_presence"`);
  }
}

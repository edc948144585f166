import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching compares a report with the incident as a whole: each incident keeps a profile of
 * counts (features, statuses, codes, consumers) added to in SQL as reports arrive, each report
 * its text features. Escalations wait for a settle period before the first message. Staff
 * corrections are kept as lessons (related features).
 */
export class GroupingProfiles1795446400000 implements MigrationInterface {
  name = 'GroupingProfiles1795446400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ADD "profile" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "report" ADD "features" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "escalation" ADD "status" text NOT NULL DEFAULT 'sent'`);
    await queryRunner.query(`ALTER TABLE "escalation" ADD "send_after" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "escalation_due_idx" ON "escalation" ("status", "send_after") `);
    await queryRunner.query(
      `CREATE TABLE "grouping_lesson" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "feature_a" text NOT NULL, "feature_b" text NOT NULL, "strength" real NOT NULL, "source" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_grouping_lesson" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "grouping_lesson_pair_key" ON "grouping_lesson" ("feature_a", "feature_b") `);
    // Adds two count maps key by key: one report's contribution to its incident's profile, or
    // two incidents' profiles when they merge. Atomic under the row lock of the UPDATE using it.
    await queryRunner.query(`
      CREATE FUNCTION jsonb_add_counts(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
        FROM (SELECT key, sum(value::numeric) AS total
              FROM (SELECT key, value FROM jsonb_each_text(coalesce(a, '{}'::jsonb))
                    UNION ALL
                    SELECT key, value FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) pairs
              GROUP BY key) sums
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION jsonb_add_counts(jsonb, jsonb)`);
    await queryRunner.query(`DROP INDEX "grouping_lesson_pair_key"`);
    await queryRunner.query(`DROP TABLE "grouping_lesson"`);
    await queryRunner.query(`DROP INDEX "escalation_due_idx"`);
    await queryRunner.query(`ALTER TABLE "escalation" DROP COLUMN "send_after"`);
    await queryRunner.query(`ALTER TABLE "escalation" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "features"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "profile"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Skatteetaten's feeds (each entry once per feed), operational messages, and the known issue a
 * report and its incident were marked with on intake.
 */
export class FeedsAndKnownIssues1795449000000 implements MigrationInterface {
  name = 'FeedsAndKnownIssues1795449000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "operational_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "link" text, "services" text array NOT NULL, "environments" text array NOT NULL DEFAULT '{}', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "feed_entry_id" uuid, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "operational_message_end_reason_check" CHECK ("end_reason" IS NULL OR "end_reason" IN ('resolved', 'removed', 'staff', 'expired')), CONSTRAINT "PK_690973ca2a50ad1b1eed1e62ed4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "operational_message_entry_key" ON "operational_message"  ("feed_entry_id") WHERE "feed_entry_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "operational_message_active_idx" ON "operational_message"  ("started_at") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "notice_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "kind" text NOT NULL, "title" text, "enabled" boolean NOT NULL DEFAULT true, "etag" text, "last_modified" text, "last_polled_at" TIMESTAMP WITH TIME ZONE, "last_ok_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notice_feed_kind_check" CHECK ("kind" IN ('announcements', 'operational')), CONSTRAINT "PK_422d04da5275b96f4010b525ad0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notice_feed_url_key" ON "notice_feed"  ("url") `);
    await queryRunner.query(
      `CREATE TABLE "notice_feed_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "feed_id" uuid NOT NULL, "entry_key" text NOT NULL, "title" text NOT NULL, "link" text, "services" jsonb NOT NULL DEFAULT '[]', "published_at" TIMESTAMP WITH TIME ZONE, "notice_id" uuid, "operational_message_id" uuid, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3db5576c96c7213f632e0596fe3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notice_feed_entry_key" ON "notice_feed_entry"  ("feed_id", "entry_key") `);
    await queryRunner.query(`ALTER TABLE "incident" ADD "known_issue" jsonb`);
    await queryRunner.query(`ALTER TABLE "report" ADD "known_issue" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "known_issue"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "known_issue"`);
    await queryRunner.query(`DROP INDEX "public"."notice_feed_entry_key"`);
    await queryRunner.query(`DROP TABLE "notice_feed_entry"`);
    await queryRunner.query(`DROP INDEX "public"."notice_feed_url_key"`);
    await queryRunner.query(`DROP TABLE "notice_feed"`);
    await queryRunner.query(`DROP INDEX "public"."operational_message_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."operational_message_entry_key"`);
    await queryRunner.query(`DROP TABLE "operational_message"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Change notices: the notice, the contacts it was sent to (with acknowledgement token hashes) and the reminders log. */
export class Notices1795447500000 implements MigrationInterface {
  name = 'Notices1795447500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "technical_body" text, "professional_body" text, "services" text array NOT NULL, "environments" text array NOT NULL, "entitlement_packages" text array NOT NULL DEFAULT '{}', "service_areas" text array NOT NULL DEFAULT '{}', "roles" text array NOT NULL DEFAULT '{}', "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "links" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'draft', "scheduled_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "source" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notice_kind_check" CHECK ("kind" IN ('interface-change', 'dataset-change', 'planned-maintenance', 'deprecation', 'operational-notice')), CONSTRAINT "notice_status_check" CHECK ("status" IN ('draft', 'scheduled', 'sent', 'withdrawn')), CONSTRAINT "PK_705062b14410ff1a04998f86d72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notice_source_key" ON "notice"  ("source") WHERE "source" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "notice_status_scheduled_idx" ON "notice"  ("status", "scheduled_at") `);
    await queryRunner.query(
      `CREATE TABLE "notice_recipient" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notice_id" uuid NOT NULL, "consumer_id" uuid NOT NULL, "consumer_name" text NOT NULL, "org_number" text NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "services" text array NOT NULL, "message_id" text NOT NULL, "token_hash" text NOT NULL, "token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "ready_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b15ee5aadf4a3ab6c761d909e72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notice_recipient_token_hash_key" ON "notice_recipient"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "notice_recipient_consumer_idx" ON "notice_recipient"  ("consumer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notice_recipient_notice_email_key" ON "notice_recipient"  ("notice_id", "email") `);
    await queryRunner.query(
      `CREATE TABLE "notice_reminder" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notice_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "email" text NOT NULL, "consumer_name" text NOT NULL, "days_before" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_63fb85b6683684f7ad4f15267f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notice_reminder_notice_idx" ON "notice_reminder"  ("notice_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notice_reminder_recipient_days_key" ON "notice_reminder"  ("recipient_id", "days_before") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_recipient" ADD CONSTRAINT "notice_recipient_notice_fk" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_reminder" ADD CONSTRAINT "notice_reminder_notice_fk" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notice_reminder" DROP CONSTRAINT "notice_reminder_notice_fk"`);
    await queryRunner.query(`ALTER TABLE "notice_recipient" DROP CONSTRAINT "notice_recipient_notice_fk"`);
    await queryRunner.query(`DROP INDEX "public"."notice_reminder_recipient_days_key"`);
    await queryRunner.query(`DROP INDEX "public"."notice_reminder_notice_idx"`);
    await queryRunner.query(`DROP TABLE "notice_reminder"`);
    await queryRunner.query(`DROP INDEX "public"."notice_recipient_notice_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."notice_recipient_consumer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notice_recipient_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "notice_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."notice_status_scheduled_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notice_source_key"`);
    await queryRunner.query(`DROP TABLE "notice"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets (henvendelser) with their messages, activity timeline and links, canned responses and
 * macros, and a reference sequence (HV-2026-0001).
 */
export class Tickets1795450000000 implements MigrationInterface {
  name = 'Tickets1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "ticket_reference_seq"`);
    await queryRunner.query(
      `CREATE TABLE "ticket" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "consumer_id" uuid, "requester_name" text, "requester_email" text, "subject" text NOT NULL, "category" text NOT NULL, "service_code" text, "priority" text NOT NULL DEFAULT 'normal', "status" text NOT NULL DEFAULT 'new', "channel" text NOT NULL, "assignee_id" uuid, "assignee_name" text, "tags" text array NOT NULL DEFAULT '{}', "thread_message_id" text, "merged_into_id" uuid, "first_response_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_channel_check" CHECK ("channel" IN ('portal', 'api', 'staff', 'email')), CONSTRAINT "ticket_priority_check" CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "ticket_category_check" CHECK ("category" IN ('access', 'data', 'legal', 'technical', 'other')), CONSTRAINT "ticket_status_check" CHECK ("status" IN ('new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten', 'resolved', 'closed')), CONSTRAINT "PK_d9a0835407701eb86f874474b7c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ticket_reference_key" ON "ticket" ("reference") `);
    await queryRunner.query(`CREATE INDEX "ticket_consumer_idx" ON "ticket" ("consumer_id") `);
    await queryRunner.query(`CREATE INDEX "ticket_thread_message_idx" ON "ticket" ("thread_message_id") `);
    await queryRunner.query(`CREATE INDEX "ticket_merged_into_idx" ON "ticket" ("merged_into_id") `);
    await queryRunner.query(`CREATE INDEX "ticket_queue_idx" ON "ticket" ("status", "assignee_id") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "kind" text NOT NULL, "reference" text NOT NULL, "target_id" uuid NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_link_kind_check" CHECK ("kind" IN ('report', 'incident', 'onboarding', 'change_request')), CONSTRAINT "PK_e888ba9d5067f2b0aa94fe39708" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ticket_link_target_key" ON "ticket_link" ("ticket_id", "kind", "target_id") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "visibility" text NOT NULL, "author" text NOT NULL, "author_label" text NOT NULL, "channel" text NOT NULL, "from_address" text, "body" text NOT NULL, "message_id" text, "moved_from_ticket_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_message_author_check" CHECK ("author" IN ('requester', 'staff')), CONSTRAINT "ticket_message_visibility_check" CHECK ("visibility" IN ('public', 'internal')), CONSTRAINT "PK_7d7c7fbe3303c18b7dbd6f1ce19" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_message_message_id_idx" ON "ticket_message" ("message_id") `);
    await queryRunner.query(`CREATE INDEX "ticket_message_ticket_idx" ON "ticket_message" ("ticket_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_event" ("id" BIGSERIAL NOT NULL, "ticket_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "actor_label" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_902a22d2110174b48925314c875" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_event_ticket_idx" ON "ticket_event" ("ticket_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "canned_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "body" text NOT NULL, "set_status" text, "updated_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "canned_response_status_check" CHECK ("set_status" IS NULL OR "set_status" IN ('new', 'open', 'waiting_on_consumer', 'waiting_on_skatteetaten', 'resolved', 'closed')), CONSTRAINT "PK_bc49cdfdecc89466143d10a5ecb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_link" ADD CONSTRAINT "ticket_link_ticket_fk" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_message" ADD CONSTRAINT "ticket_message_ticket_fk" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket_message" DROP CONSTRAINT "ticket_message_ticket_fk"`);
    await queryRunner.query(`ALTER TABLE "ticket_link" DROP CONSTRAINT "ticket_link_ticket_fk"`);
    await queryRunner.query(`DROP TABLE "canned_response"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_event_ticket_idx"`);
    await queryRunner.query(`DROP TABLE "ticket_event"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_message_ticket_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_message_message_id_idx"`);
    await queryRunner.query(`DROP TABLE "ticket_message"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_link_target_key"`);
    await queryRunner.query(`DROP TABLE "ticket_link"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_merged_into_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_thread_message_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_consumer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_reference_key"`);
    await queryRunner.query(`DROP TABLE "ticket"`);
    await queryRunner.query(`DROP SEQUENCE "ticket_reference_seq"`);
  }
}

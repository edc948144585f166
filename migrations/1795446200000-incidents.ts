import { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1795446200000 implements MigrationInterface {
  name = 'Incidents1795446200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // References are human-facing (KS-2026-0042, M-2026-00042); gaps after a rollback are harmless.
    await queryRunner.query(`CREATE SEQUENCE "incident_reference_seq"`);
    await queryRunner.query(`CREATE SEQUENCE "report_reference_seq"`);
    await queryRunner.query(
      `CREATE TABLE "escalation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "root_message_id" text NOT NULL, "to_addresses" text array NOT NULL, "security" boolean NOT NULL DEFAULT false, "escalated_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_until" TIMESTAMP WITH TIME ZONE NOT NULL, "followup_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_2c9a4d9277ed8620a8a72813864" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "escalation_incident_key" ON "escalation"  ("incident_id") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("consumer_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "state" text NOT NULL DEFAULT 'in-flight', "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dcb3dd5bd4cee9b2bc0b00035bf" PRIMARY KEY ("consumer_id", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "idempotency_record_created_idx" ON "idempotency_record"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "incident_event" ("id" BIGSERIAL NOT NULL, "incident_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "actor_label" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}'::jsonb, CONSTRAINT "PK_ee6d654432381374612876fc867" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "incident_event_incident_idx" ON "incident_event"  ("incident_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "incident" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "title" text NOT NULL, "environment" text NOT NULL, "track" text NOT NULL, "status" text NOT NULL DEFAULT 'new', "side" text NOT NULL DEFAULT 'undetermined', "severity" text, "services" text array NOT NULL DEFAULT '{}', "error_codes" text array NOT NULL DEFAULT '{}', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "merged_into_id" uuid, "ske_case_reference" text, "resolution_message" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f90b28b0b8238d89ee8edcf96e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "incident_reference_key" ON "incident"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "incident_status_idx" ON "incident"  ("status") `);
    await queryRunner.query(`CREATE INDEX "incident_merged_into_idx" ON "incident"  ("merged_into_id") `);
    await queryRunner.query(`CREATE INDEX "incident_candidates_idx" ON "incident"  ("environment", "last_seen_at") `);
    await queryRunner.query(
      `CREATE TABLE "knowledge_article" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "title" text NOT NULL, "keywords" text array NOT NULL DEFAULT '{}', "error_codes" text array NOT NULL DEFAULT '{}', "http_statuses" integer array NOT NULL DEFAULT '{}', "answer" text NOT NULL, "checklist" text array NOT NULL DEFAULT '{}', "published" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e6c80ff5dc988b082b737db9df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "knowledge_article_slug_key" ON "knowledge_article"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "merge_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survivor_id" uuid NOT NULL, "merged_id" uuid NOT NULL, "score" real NOT NULL, "reasons" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'proposed', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" text, CONSTRAINT "PK_0ce3e837a676152cc90bcebbdec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "merge_proposal_merged_idx" ON "merge_proposal"  ("merged_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "merge_proposal_pair_key" ON "merge_proposal"  ("survivor_id", "merged_id") `);
    await queryRunner.query(
      `CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "consumer_id" uuid NOT NULL, "incident_id" uuid NOT NULL, "channel" text NOT NULL, "service" text NOT NULL, "environment" text NOT NULL, "category" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "http_status" integer, "error_code" text, "correlation_id" text, "has_worked_before" boolean, "vendor_involved" text, "reporter_name" text, "reporter_email" text, "personal_data_masked" boolean NOT NULL DEFAULT false, "personal_data_sealed" text, "status" text NOT NULL DEFAULT 'open', "match" jsonb NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "suggested_articles" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "report_reference_key" ON "report"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "report_consumer_received_idx" ON "report"  ("consumer_id", "received_at") `);
    await queryRunner.query(`CREATE INDEX "report_incident_received_idx" ON "report"  ("incident_id", "received_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "report_reference_seq"`);
    await queryRunner.query(`DROP SEQUENCE "incident_reference_seq"`);
    await queryRunner.query(`DROP INDEX "public"."report_incident_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."report_consumer_received_idx"`);
    await queryRunner.query(`DROP INDEX "public"."report_reference_key"`);
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`DROP INDEX "public"."merge_proposal_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."merge_proposal_merged_idx"`);
    await queryRunner.query(`DROP TABLE "merge_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_article_slug_key"`);
    await queryRunner.query(`DROP TABLE "knowledge_article"`);
    await queryRunner.query(`DROP INDEX "public"."incident_candidates_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incident_merged_into_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incident_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incident_reference_key"`);
    await queryRunner.query(`DROP TABLE "incident"`);
    await queryRunner.query(`DROP INDEX "public"."incident_event_incident_idx"`);
    await queryRunner.query(`DROP TABLE "incident_event"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_record_created_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
    await queryRunner.query(`DROP INDEX "public"."escalation_incident_key"`);
    await queryRunner.query(`DROP TABLE "escalation"`);
  }
}

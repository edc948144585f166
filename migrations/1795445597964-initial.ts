import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795445597964 implements MigrationInterface {
  name = 'Initial1795445597964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" text NOT NULL, "actor_id" text, "actor_label" text NOT NULL, "action" text NOT NULL, "object_type" text NOT NULL, "object_id" text, "ip" text, "details" jsonb NOT NULL DEFAULT '{}'::jsonb, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_entry_at_idx" ON "audit_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "audit_entry_actor_idx" ON "audit_entry"  ("actor_label") `);
    await queryRunner.query(`CREATE INDEX "audit_entry_action_idx" ON "audit_entry"  ("action") `);
    await queryRunner.query(`CREATE INDEX "audit_entry_object_idx" ON "audit_entry"  ("object_type", "object_id") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" text NOT NULL, "dedupe_key" text NOT NULL, "template" text NOT NULL, "to_addresses" text array NOT NULL, "subject" text NOT NULL, "html" text NOT NULL, "text" text NOT NULL, "in_reply_to" text, "references" text array NOT NULL DEFAULT '{}', "related_type" text, "related_id" text, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_at" TIMESTAMP WITH TIME ZONE, "claimed_by" text, "last_error" text, "transport" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_message_message_id_key" ON "outbox_message"  ("message_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_message_dedupe_key" ON "outbox_message"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "outbox_message_related_idx" ON "outbox_message"  ("related_type", "related_id") `);
    await queryRunner.query(`CREATE INDEX "outbox_message_due_idx" ON "outbox_message"  ("status", "next_attempt_at") `);
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "api_token_staff_idx" ON "api_token"  ("staff_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_token_hash_key" ON "api_token"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "password_set_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b04f2b958b4a0aec1edf59d14fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_set_token_staff_idx" ON "password_set_token"  ("staff_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "password_set_token_hash_key" ON "password_set_token"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "staff_session" ("id_hash" text NOT NULL, "staff_id" uuid NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip" text, "user_agent" text, CONSTRAINT "PK_f44973af631c506740b78c569cb" PRIMARY KEY ("id_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "staff_session_staff_idx" ON "staff_session"  ("staff_id") `);
    await queryRunner.query(
      `CREATE TABLE "staff_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "password_hash" text, "active" boolean NOT NULL DEFAULT true, "failed_logins" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"  ("email") `);
    // The audit log is append-only for every database role the application uses.
    await queryRunner.query(`CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_update_delete" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_is_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."staff_user_email_key"`);
    await queryRunner.query(`DROP TABLE "staff_user"`);
    await queryRunner.query(`DROP INDEX "public"."staff_session_staff_idx"`);
    await queryRunner.query(`DROP TABLE "staff_session"`);
    await queryRunner.query(`DROP INDEX "public"."password_set_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."password_set_token_staff_idx"`);
    await queryRunner.query(`DROP TABLE "password_set_token"`);
    await queryRunner.query(`DROP INDEX "public"."api_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."api_token_staff_idx"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_related_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_message_id_key"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_object_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_action_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_at_idx"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}

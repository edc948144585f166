import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents as conversations (incident_message: the escalation thread, messages to and from the
 * municipalities, internal notes), reopening after resolution, and the inbound e-mail that feeds
 * them (inbound_message, once per Message-ID, with its attachments).
 */
export class IncidentConversations1795453000000 implements MigrationInterface {
  name = 'IncidentConversations1795453000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident" ADD "reopen_count" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE TABLE "incident_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "direction" text NOT NULL, "audience" text NOT NULL, "channel" text NOT NULL, "body" text NOT NULL, "author_label" text NOT NULL, "consumer_ids" uuid array NOT NULL DEFAULT '{}', "report_id" uuid, "recipients" text array NOT NULL DEFAULT '{}', "message_ids" text array NOT NULL DEFAULT '{}', "inbound_message_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "incident_message_direction_check" CHECK ("direction" IN ('in', 'out')), CONSTRAINT "incident_message_audience_check" CHECK ("audience" IN ('skatteetaten', 'municipalities', 'internal')), CONSTRAINT "incident_message_channel_check" CHECK ("channel" IN ('desk', 'email', 'portal')), CONSTRAINT "incident_message_internal_not_sent" CHECK ("audience" <> 'internal' OR ("recipients" = '{}' AND "direction" = 'out')), CONSTRAINT "PK_incident_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "incident_message_incident_idx" ON "incident_message" ("incident_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "inbound_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" text NOT NULL, "from_address" text NOT NULL, "from_name" text, "to_addresses" text array NOT NULL DEFAULT '{}', "subject" text NOT NULL, "text" text NOT NULL, "in_reply_to" text, "references" text array NOT NULL DEFAULT '{}', "size_bytes" integer NOT NULL, "personal_data_masked" boolean NOT NULL DEFAULT false, "status" text NOT NULL, "ignored_reason" text, "routed_to" text, "route_how" text, "route_summary" text, "attachment_count" integer NOT NULL DEFAULT 0, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "inbound_message_status_check" CHECK ("status" IN ('routed', 'unrouted', 'ignored')), CONSTRAINT "PK_inbound_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "inbound_message_message_id_key" ON "inbound_message" ("message_id") `);
    await queryRunner.query(`CREATE INDEX "inbound_message_status_idx" ON "inbound_message" ("status", "received_at") `);
    await queryRunner.query(
      `CREATE TABLE "inbound_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inbound_message_id" uuid NOT NULL, "filename" text, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "content" bytea, "stored" boolean NOT NULL, CONSTRAINT "PK_inbound_attachment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "inbound_attachment_message_idx" ON "inbound_attachment" ("inbound_message_id") `);
    await queryRunner.query(
      `ALTER TABLE "inbound_attachment" ADD CONSTRAINT "inbound_attachment_message_fk" FOREIGN KEY ("inbound_message_id") REFERENCES "inbound_message"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbound_attachment" DROP CONSTRAINT "inbound_attachment_message_fk"`);
    await queryRunner.query(`DROP TABLE "inbound_attachment"`);
    await queryRunner.query(`DROP TABLE "inbound_message"`);
    await queryRunner.query(`DROP TABLE "incident_message"`);
    await queryRunner.query(`ALTER TABLE "incident" DROP COLUMN "reopen_count"`);
  }
}

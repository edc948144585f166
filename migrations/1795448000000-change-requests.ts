import { MigrationInterface, QueryRunner } from 'typeorm';

/** Change requests (endringsønsker) and the consumers behind each, with a reference sequence (EN-2026-0001). */
export class ChangeRequests1795448000000 implements MigrationInterface {
  name = 'ChangeRequests1795448000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "change_request_reference_seq"`);
    await queryRunner.query(
      `CREATE TABLE "change_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "service_code" text NOT NULL, "service_area" text, "title" text NOT NULL, "description" text NOT NULL, "urgency" text NOT NULL, "status" text NOT NULL DEFAULT 'new', "priority" text, "is_public" boolean NOT NULL DEFAULT false, "submitter_consumer_id" uuid NOT NULL, "submitted_by" text NOT NULL, "merged_into_id" uuid, "forward_message_id" text, "forwarded_to" text array NOT NULL DEFAULT '{}', "forwarded_at" TIMESTAMP WITH TIME ZONE, "forwarded_by" text, "answer" text, "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "change_request_priority_check" CHECK ("priority" IS NULL OR "priority" IN ('low', 'medium', 'high')), CONSTRAINT "change_request_urgency_check" CHECK ("urgency" IN ('low', 'medium', 'high')), CONSTRAINT "change_request_status_check" CHECK ("status" IN ('new', 'assessing', 'forwarded', 'answered', 'declined', 'done')), CONSTRAINT "PK_75687d06f07daedcb0de54d75e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "change_request_reference_key" ON "change_request" ("reference") `);
    await queryRunner.query(`CREATE INDEX "change_request_merged_into_idx" ON "change_request" ("merged_into_id") `);
    await queryRunner.query(`CREATE INDEX "change_request_board_idx" ON "change_request" ("status", "service_code") `);
    await queryRunner.query(
      `CREATE TABLE "change_request_support" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "change_request_id" uuid NOT NULL, "consumer_id" uuid NOT NULL, "kind" text NOT NULL, "use_case" text NOT NULL, "added_by" text NOT NULL, "moved_from_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "change_request_support_kind_check" CHECK ("kind" IN ('submitted', 'supported')), CONSTRAINT "PK_82d357190f90852950dc5d85841" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "change_request_support_consumer_idx" ON "change_request_support" ("consumer_id") `);
    await queryRunner.query(`CREATE INDEX "change_request_support_moved_from_idx" ON "change_request_support" ("moved_from_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "change_request_support_consumer_key" ON "change_request_support" ("change_request_id", "consumer_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "change_request_support" ADD CONSTRAINT "change_request_support_request_fk" FOREIGN KEY ("change_request_id") REFERENCES "change_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "change_request_support" DROP CONSTRAINT "change_request_support_request_fk"`);
    await queryRunner.query(`DROP TABLE "change_request_support"`);
    await queryRunner.query(`DROP TABLE "change_request"`);
    await queryRunner.query(`DROP SEQUENCE "change_request_reference_seq"`);
  }
}
